package th.ita.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small province for page tests: ม่วงยาย with its published 2568 indicators (seed 002: total 95.41,
 * ผ่านดี), five peers in เชียงราย chosen so that one drops a level, one fails a tool condition and one is
 * below ผ่าน, and one organization in ตราด that a เชียงราย officer must never see.
 */
final class DashboardData {
    static final String OWN = "5713001";
    static final String DROPPED = "5701002";
    static final String TOOL_FAILED = "5702003";
    static final String BELOW_PASS = "5703004";
    static final String FAR = "2301001";
    static final String PASSWORD = "correct horse battery staple";

    private DashboardData() {
    }

    private record Org(String code, String name, String type, String province, String district, double[] y2567, double[] y2568) {
    }

    static String csv() {
        double[] own2568 = {98.67, 99.24, 100.00, 95.62, 97.90, 93.94, 93.14, 92.14, 100.00, 90.00};
        List<Org> organizations = List.of(
                new Org(OWN, "ม่วงยาย", "ทต.", "เชียงราย", "เวียงแก่น", shift(own2568, -2.5), own2568),
                // 2567 ผ่านดี (all ≥ 85), 2568 ต้องปรับปรุง: dropped a level.
                new Org(DROPPED, "ท่าข้าม", "อบต.", "เชียงราย", "เมืองเชียงราย", flat(91), flat(78)),
                // Total ≥ 85 but EIT below 85: ผ่าน, not ผ่านดี — a failed tool condition.
                new Org(TOOL_FAILED, "ริมกก", "อบต.", "เชียงราย", "เมืองเชียงราย", flat(88),
                        new double[] {97, 97, 97, 97, 97, 80, 80, 80, 97, 97}),
                new Org(BELOW_PASS, "แม่สาย", "ทต.", "เชียงราย", "แม่สาย", flat(72), flat(64)),
                new Org("5704005", "เวียง", "ทต.", "เชียงราย", "เชียงของ", flat(93), flat(96)),
                new Org("5705006", "ศรีค้ำ", "อบต.", "เชียงราย", "แม่จัน", flat(86), flat(89)),
                new Org(FAR, "หนองเสม็ด", "ทต.", "ตราด", "เมืองตราด", flat(70), flat(75)));
        StringBuilder csv = new StringBuilder("organization_code,organization_name,organization_type,province,district,year,metric,value\n");
        for (Org o : organizations) {
            row(csv, o, 2567, o.y2567());
            row(csv, o, 2568, o.y2568());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Org o, int year, double[] indicators) {
        for (int i = 0; i < indicators.length; i++) {
            csv.append(String.join(",", o.code(), o.name(), o.type(), o.province(), o.district(), Integer.toString(year), "ind" + (i + 1),
                    String.format(Locale.ROOT, "%.2f", indicators[i]))).append('\n');
        }
    }

    private static double[] flat(double value) {
        double[] values = new double[10];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static double[] shift(double[] values, double by) {
        double[] shifted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            shifted[i] = Math.min(100, values[i] + by);
        }
        return shifted;
    }

    static List<String> codes() {
        return new ArrayList<>(List.of(OWN, DROPPED, TOOL_FAILED, BELOW_PASS, "5704005", "5705006", FAR));
    }
}
