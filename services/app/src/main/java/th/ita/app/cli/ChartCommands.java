package th.ita.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.charts.ChartData;
import th.ita.charts.ChartOptions;
import th.ita.charts.DrawCharts;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;

/** The chart commands: render a chart for every organization of a province, and the rendering benchmark. */
final class ChartCommands {
    private ChartCommands() {
    }

    /** render-charts --tenant T --province P --year Y [--kind ranking|profile|trend] [--format png|svg] [--out DIR] */
    static int render(Map<String, String> options) {
        String tenant = options.getOrDefault("--tenant", "demo");
        int year = Integer.parseInt(options.getOrDefault("--year", "2568"));
        String kind = options.getOrDefault("--kind", "ranking");
        ChartOptions.Format format = ChartOptions.Format.valueOf(options.getOrDefault("--format", "png").toUpperCase(Locale.ROOT));
        Path out = Path.of(options.getOrDefault("--out", "charts"));
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            String province = context.getBean(Geography.class).province(options.getOrDefault("--province", "57"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown province " + options.get("--province"))).code();
            // The command line runs with the rights of whoever runs the platform: a tenant admin's scope.
            ScopedData.Reads reads = context.getBean(ScopedData.class).of(Caller.platformOperator(TenantId.of(tenant)), tenant);
            th.ita.app.chart.ChartBuilder builder = context.getBean(th.ita.app.chart.ChartBuilder.class);
            DrawCharts draw = new DrawCharts(LocalDate.now());
            ChartOptions chartOptions = new ChartOptions(1200, 800, format, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
            Files.createDirectories(out);
            List<Organization> organizations = reads.organizations().stream().filter(o -> o.provinceCode().equals(province)).toList();
            long started = System.nanoTime();
            int drawn = 0;
            for (Organization organization : organizations) {
                ChartData data = builder.forOrganization(reads, kind, organization, year);
                Files.write(out.resolve(organization.code() + "-" + kind + "-" + year + "." + format.name().toLowerCase(Locale.ROOT)),
                        draw.draw(data, chartOptions).bytes());
                drawn++;
            }
            System.out.printf(Locale.ROOT, "%d %s charts of province %s, %d, in %s (%.1f s)%n", drawn, kind, province, year, out.toAbsolutePath(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Median render time per chart kind, on synthetic data of realistic size (no store, no HTTP). */
    static int benchmark() {
        DrawCharts draw = new DrawCharts(LocalDate.of(2026, 11, 22));
        ChartOptions png = new ChartOptions(1200, 800, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
        ChartOptions svg = new ChartOptions(1200, 800, ChartOptions.Format.SVG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
        Map<String, ChartData> kinds = SyntheticCharts.all();
        System.out.println("kind                      PNG median   SVG median   (1200×800, 50 renders each after 20 warm-up)");
        for (Map.Entry<String, ChartData> kind : kinds.entrySet()) {
            System.out.printf(Locale.ROOT, "%-24s %8.1f ms  %8.1f ms%n", kind.getKey(), median(draw, kind.getValue(), png), median(draw, kind.getValue(), svg));
        }
        return 0;
    }

    private static double median(DrawCharts draw, ChartData data, ChartOptions options) {
        for (int i = 0; i < 20; i++) {
            draw.draw(data, options);
        }
        double[] times = new double[50];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            draw.draw(data, options);
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return (times[24] + times[25]) / 2;
    }

    /** Charts of realistic size: 300 organizations, ten indicators, eight years. */
    static final class SyntheticCharts {
        private SyntheticCharts() {
        }

        static Map<String, ChartData> all() {
            Random random = new Random(11);
            ChartData.Caption caption = new ChartData.Caption("ผลการประเมิน ITA", "ITA results", "ปี 2568 | อปท. ในจังหวัดนครราชสีมา | ชุดข้อมูล 1",
                    "2568 | LAOs of Nakhon Ratchasima | batch 1");
            List<ChartData.Ranking.Bar> bars = new ArrayList<>();
            double[] scores = random.doubles(300, 55, 100).map(v -> Math.round(v * 100) / 100.0).sorted().toArray();
            for (int i = 0; i < 300; i++) {
                bars.add(new ChartData.Ranking.Bar("อบต.ตำบลที่ " + (i + 1), scores[299 - i], i + 1, i == 120));
            }
            List<ChartData.Band> bands = List.of(new ChartData.Band("ผ่านดีเยี่ยม", "Excellent", 95), new ChartData.Band("ผ่านดี", "Good", 85),
                    new ChartData.Band("ต้องปรับปรุง", "Improve", 70), new ChartData.Band("ต้องปรับปรุงโดยด่วน", "Urgent", 0));
            Map<String, ChartData> kinds = new LinkedHashMap<>();
            kinds.put("ranking (300)", new ChartData.Ranking(caption, bars, bands, 0));
            kinds.put("ranking (top/bottom 15)", new ChartData.Ranking(caption, bars, bands, 15));
            Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
            for (String tool : List.of("IIT", "EIT", "OIT")) {
                Map<Integer, Double> points = new LinkedHashMap<>();
                for (int year = 2561; year <= 2568; year++) {
                    points.put(year, 60 + random.nextDouble() * 40);
                }
                series.put(tool, points);
            }
            kinds.put("trend (3 × 8 years)", new ChartData.Trend(caption, series, series.get("IIT"), List.of(2567, 2568)));
            List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
            List<ChartData.Distribution.Box> boxes = new ArrayList<>();
            double[][] cells = new double[300][10];
            for (int i = 0; i < 10; i++) {
                indicators.add(new ChartData.Profile.Indicator("ind" + (i + 1), "ตัวชี้วัดที่ " + (i + 1), "Indicator " + (i + 1), 80 + random.nextDouble() * 20, 90.0));
                boxes.add(new ChartData.Distribution.Box("ตัวชี้วัดที่ " + (i + 1), random.doubles(300, 50, 100).boxed().toList(), 90.0));
                for (int o = 0; o < 300; o++) {
                    cells[o][i] = 50 + random.nextDouble() * 50;
                }
            }
            kinds.put("profile (10)", new ChartData.Profile(caption, "อบต.ตำบลที่ 121", indicators));
            kinds.put("distribution (10 × 300)", new ChartData.Distribution(caption, "อบต.ตำบลที่ 121", boxes));
            List<String> names = new ArrayList<>();
            for (int o = 0; o < 300; o++) {
                names.add("อบต.ตำบลที่ " + (o + 1));
            }
            kinds.put("heatmap (300 × 10)", new ChartData.Heatmap(caption, names, indicators.stream().map(ChartData.Profile.Indicator::nameTh).toList(), cells, names.get(120)));
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (int p = 0; p < 77; p++) {
                counts.put("จังหวัด " + (p + 1), Map.of("ผ่านดีเยี่ยม", random.nextInt(40), "ผ่านดี", random.nextInt(80), "ผ่าน", random.nextInt(20),
                        "ต้องปรับปรุง", random.nextInt(10), "ต้องปรับปรุงโดยด่วน", random.nextInt(3)));
            }
            kinds.put("levels (77 provinces)", new ChartData.Levels(caption, List.of("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"), counts));
            return kinds;
        }
    }
}
