package th.ita.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Chart data of realistic size: เชียงราย's 136 organizations, seed 002's ม่วงยาย (ind1–ind10 of 2568), 77 provinces. */
final class Fixtures {
    static final String MUANG_YAI = "เทศบาลตำบลม่วงยาย";
    static final ChartData.Caption CAPTION = new ChartData.Caption("ผลการประเมิน ITA", "ITA results",
            "ปี 2568 | อปท. ในจังหวัดเชียงราย | ita-2568.csv เผยแพร่ 22/11/2569", "2568 | LAOs of Chiang Rai | ita-2568.csv published 2026-11-22");
    static final List<ChartData.Band> BANDS = List.of(new ChartData.Band("ผ่านดีเยี่ยม", "Excellent pass", 95),
            new ChartData.Band("ผ่านดี", "Good pass", 85), new ChartData.Band("ต้องปรับปรุง", "Needs improvement", 70),
            new ChartData.Band("ต้องปรับปรุงโดยด่วน", "Needs urgent improvement", 0));
    static final String[] INDICATORS_TH = {"การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต",
            "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"};
    static final String[] INDICATORS_EN = {"Performance of duties", "Use of budget", "Use of authority", "Use of public property", "Solving corruption problems",
            "Quality of operations", "Effective communication", "Improving work", "Disclosure of information", "Preventing corruption"};
    /** Seed 002's published 2568 indicators of ม่วงยาย. */
    static final double[] MUANG_YAI_2568 = {98.67, 99.24, 100, 95.62, 97.90, 93.94, 93.14, 92.14, 100, 90};

    private Fixtures() {
    }

    /** {@code size} organizations best first, the one at a third highlighted (ม่วงยาย). */
    static ChartData.Ranking ranking(int size, int topBottom) {
        Random random = new Random(7);
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scores.add(Math.round((70 + random.nextDouble() * 30) * 100) / 100.0);
        }
        scores.sort((a, b) -> Double.compare(b, a));
        List<ChartData.Ranking.Bar> bars = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean highlighted = i == size / 3;
            bars.add(new ChartData.Ranking.Bar(highlighted ? MUANG_YAI : "อบต.ตำบลที่ " + (i + 1), scores.get(i), i + 1, highlighted));
        }
        return new ChartData.Ranking(CAPTION, bars, BANDS, topBottom);
    }

    static ChartData.Trend trend(int metrics) {
        List<ChartData.Trend.Series> series = new ArrayList<>();
        Random random = new Random(5);
        if (metrics == 1) {
            series.add(new ChartData.Trend.Series("total", ChartData.Label.of("คะแนนรวม", "Total"),
                    Map.of(2564, 81.2, 2565, 86.0, 2566, 89.9, 2567, 92.4, 2568, 95.41), Map.of(2564, 80.0, 2565, 85.0, 2566, 88.0, 2567, 91.0, 2568, 93.0)));
        } else {
            for (int m = 0; m < metrics; m++) {
                Map<Integer, Double> values = new LinkedHashMap<>();
                Map<Integer, Double> medians = new LinkedHashMap<>();
                for (int year = 2561; year <= 2568; year++) {
                    values.put(year, 75 + random.nextDouble() * 25);
                    medians.put(year, 82 + random.nextDouble() * 12);
                }
                String code = metrics == 3 ? List.of("IIT", "EIT", "OIT").get(m) : "ind" + (m + 1);
                series.add(new ChartData.Trend.Series(code, metrics == 3 ? ChartData.Label.of(code, code)
                        : ChartData.Label.of(code + " " + INDICATORS_TH[m], code + " " + INDICATORS_EN[m]), values, medians));
            }
        }
        return new ChartData.Trend(CAPTION, MUANG_YAI, ChartData.Label.of("อปท. ในจังหวัดเชียงราย", "LAOs of Chiang Rai"), series, List.of(2567, 2568));
    }

    static ChartData.Profile profile() {
        List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double median = 94.0 + i % 3;
            indicators.add(new ChartData.Profile.Indicator("ind" + (i + 1), ChartData.Label.of(INDICATORS_TH[i], INDICATORS_EN[i]), MUANG_YAI_2568[i],
                    new ChartData.Spread(136, 61.5, median - 4.5, median, Math.min(100, median + 2.5), 100.0)));
        }
        return new ChartData.Profile(CAPTION, MUANG_YAI, ChartData.Label.of("อปท. ในจังหวัดเชียงราย", "LAOs of Chiang Rai"), indicators);
    }

    static ChartData.Distribution indicatorDistribution() {
        Random random = new Random(3);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Double> box = new ArrayList<>();
            for (int j = 0; j < 136; j++) {
                box.add(Math.min(100, 88 + random.nextGaussian() * 6));
            }
            boxes.add(new ChartData.Distribution.Box(ChartData.Label.of(INDICATORS_TH[i], INDICATORS_EN[i]), box, MUANG_YAI_2568[i]));
        }
        return new ChartData.Distribution(CAPTION, ChartData.Label.of("คะแนน", "Score"), MUANG_YAI, boxes);
    }

    /** 77 provinces, one of them with the organization's point unless {@code withPoint} is false. */
    static ChartData.Distribution provinces(boolean withPoint) {
        Random random = new Random(9);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (int p = 0; p < 77; p++) {
            List<Double> box = new ArrayList<>();
            double centre = 86 + random.nextDouble() * 10;
            for (int j = 0; j < 40 + random.nextInt(150); j++) {
                box.add(Math.min(100, centre + random.nextGaussian() * 5));
            }
            boxes.add(new ChartData.Distribution.Box(ChartData.Label.of(p == 0 ? "เชียงราย" : "จังหวัดที่ " + (p + 1), p == 0 ? "Chiang Rai" : "Province " + (p + 1)),
                    box, withPoint && p == 0 ? 95.41 : null));
        }
        return new ChartData.Distribution(CAPTION, ChartData.Label.of("คะแนนรวม", "Total score"), withPoint ? MUANG_YAI : null, boxes);
    }

    static ChartData.Heatmap heatmap(int organizations) {
        Random random = new Random(4);
        List<String> names = new ArrayList<>();
        double[][] cells = new double[organizations][10];
        for (int o = 0; o < organizations; o++) {
            names.add(o == 5 ? MUANG_YAI : "อบต.ตำบลที่ " + (o + 1));
            for (int i = 0; i < 10; i++) {
                cells[o][i] = o == 7 && i == 3 ? Double.NaN : Math.min(100, 97 - o * 0.08 + random.nextGaussian() * 3);
            }
        }
        List<ChartData.Label> indicators = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            indicators.add(ChartData.Label.of(INDICATORS_TH[i], INDICATORS_EN[i]));
        }
        return new ChartData.Heatmap(CAPTION, names, indicators, cells, MUANG_YAI);
    }

    static final List<ChartData.Levels.Level> LEVELS = List.of(
            level("letter-grades-2561", "AA", "AA", "AA"), level("letter-grades-2561", "A", "A", "A"), level("letter-grades-2561", "B", "B", "B"),
            level("letter-grades-2561", "C", "C", "C"), level("letter-grades-2561", "D", "D", "D"), level("letter-grades-2561", "E", "E", "E"),
            level("letter-grades-2561", "F", "F", "F"),
            level("pass-levels-2567", "EXCELLENT", "ผ่านดีเยี่ยม", "Excellent pass"), level("pass-levels-2567", "GOOD", "ผ่านดี", "Good pass"),
            level("pass-levels-2567", "PASS", "ผ่าน", "Pass"), level("pass-levels-2567", "IMPROVE", "ต้องปรับปรุง", "Needs improvement"),
            level("pass-levels-2567", "URGENT", "ต้องปรับปรุงโดยด่วน", "Needs urgent improvement"));

    private static ChartData.Levels.Level level(String scheme, String code, String th, String en) {
        return new ChartData.Levels.Level(scheme, code, ChartData.Label.of(th, en));
    }

    /** เชียงราย per year: letter grades 2561–2566, pass levels 2567–2568 (108 of 136 ผ่านดี or better in 2568). */
    static ChartData.Levels levelsByYear() {
        List<ChartData.Levels.Group> groups = new ArrayList<>();
        Random random = new Random(2);
        for (int year = 2561; year <= 2566; year++) {
            groups.add(new ChartData.Levels.Group(ChartData.Label.of(String.valueOf(year), String.valueOf(year)), "letter-grades-2561",
                    Map.of("AA", 10 + random.nextInt(20), "A", 40 + random.nextInt(20), "B", 30, "C", 20, "D", 10, "E", 5, "F", 3 + random.nextInt(5))));
        }
        groups.add(new ChartData.Levels.Group(ChartData.Label.of("2567", "2567"), "pass-levels-2567",
                Map.of("EXCELLENT", 40, "GOOD", 60, "PASS", 6, "IMPROVE", 25, "URGENT", 5)));
        groups.add(new ChartData.Levels.Group(ChartData.Label.of("2568", "2568"), "pass-levels-2567",
                Map.of("EXCELLENT", 52, "GOOD", 56, "PASS", 4, "IMPROVE", 20, "URGENT", 4)));
        return new ChartData.Levels(CAPTION, LEVELS, groups);
    }

    static ChartData.Levels levelsByProvince() {
        List<ChartData.Levels.Group> groups = new ArrayList<>();
        Random random = new Random(8);
        for (int p = 0; p < 77; p++) {
            groups.add(new ChartData.Levels.Group(ChartData.Label.of("จังหวัดที่ " + (p + 1), "Province " + (p + 1)), "pass-levels-2567",
                    Map.of("EXCELLENT", random.nextInt(60), "GOOD", random.nextInt(80), "PASS", random.nextInt(10), "IMPROVE", random.nextInt(20),
                            "URGENT", random.nextInt(5))));
        }
        return new ChartData.Levels(CAPTION, LEVELS, groups);
    }

    /** Every kind, with a name for the file it is saved in. */
    static Map<String, ChartData> everyKind() {
        Map<String, ChartData> kinds = new LinkedHashMap<>();
        kinds.put("ranking", ranking(136, 0));
        kinds.put("ranking-top-bottom", ranking(136, 10));
        kinds.put("trend-total", trend(1));
        kinds.put("trend-tools", trend(3));
        kinds.put("trend-indicators", trend(10));
        kinds.put("profile", profile());
        kinds.put("distribution-indicators", indicatorDistribution());
        kinds.put("distribution-provinces", provinces(true));
        kinds.put("heatmap", heatmap(136));
        kinds.put("levels-by-year", levelsByYear());
        kinds.put("levels-by-province", levelsByProvince());
        return kinds;
    }
}
