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
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;

/** The chart commands: render a chart for every organization of a province, and the rendering benchmark. */
final class ChartCommands {
    private ChartCommands() {
    }

    /** render-charts --tenant T --province P --year Y [--kind ranking|profile|trend] [--format png|svg] [--out DIR] */
    static int render(Map<String, String> options, Language language) {
        String tenant = options.getOrDefault("--tenant", "demo");
        int year = Integer.parseInt(options.getOrDefault("--year", "2568"));
        String kind = options.getOrDefault("--kind", "ranking");
        ChartOptions.Format format = ChartOptions.Format.valueOf(options.getOrDefault("--format", "png").toUpperCase(Locale.ROOT));
        Path out = Path.of(options.getOrDefault("--out", "charts"));
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            String province = context.getBean(Geography.class).province(options.getOrDefault("--province", "57"))
                    .orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", options.get("--province")))).code();
            // The command line runs with the rights of whoever runs the platform: a tenant admin's scope.
            ScopedData.Reads reads = context.getBean(ScopedData.class).of(Caller.platformOperator(TenantId.of(tenant)), tenant);
            th.ita.app.chart.ChartBuilder builder = context.getBean(th.ita.app.chart.ChartBuilder.class);
            DrawCharts draw = new DrawCharts(LocalDate.now());
            Files.createDirectories(out);
            List<Organization> organizations = reads.organizations().stream().filter(o -> o.provinceCode().equals(province)).toList();
            long started = System.nanoTime();
            int drawn = 0;
            for (Organization organization : organizations) {
                ChartData data = builder.forOrganization(reads, kind, organization, year);
                ChartOptions chartOptions = new ChartOptions(1200, DrawCharts.preferredHeight(data, 1200), format,
                        language == Language.EN ? ChartOptions.Language.EN : ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
                Files.write(out.resolve(organization.code() + "-" + kind + "-" + year + "." + format.name().toLowerCase(Locale.ROOT)),
                        draw.draw(data, chartOptions).bytes());
                drawn++;
            }
            System.out.println(CommandLine.text(language, "cli.chartsDrawn", "count", drawn, "kind", kind, "province", province, "year", year,
                    "directory", out.toAbsolutePath().toString(), "seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Median render time per chart kind, on synthetic data of realistic size (no store, no HTTP). */
    static int benchmark() {
        DrawCharts draw = new DrawCharts(LocalDate.of(2026, 11, 22));
        Map<String, ChartData> kinds = SyntheticCharts.all();
        System.out.println("kind                          size         PNG median   SVG median   (50 renders each after 20 warm-up)");
        for (Map.Entry<String, ChartData> kind : kinds.entrySet()) {
            int height = DrawCharts.preferredHeight(kind.getValue(), 1200);
            ChartOptions png = new ChartOptions(1200, height, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
            ChartOptions svg = new ChartOptions(1200, height, ChartOptions.Format.SVG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
            System.out.printf(Locale.ROOT, "%-28s 1200×%-6d %8.1f ms  %8.1f ms%n", kind.getKey(), height, median(draw, kind.getValue(), png),
                    median(draw, kind.getValue(), svg));
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

    /** Charts of realistic size: 300 organizations, ten indicators, eight years, 77 provinces. */
    static final class SyntheticCharts {
        private SyntheticCharts() {
        }

        static Map<String, ChartData> all() {
            Random random = new Random(11);
            ChartData.Caption caption = new ChartData.Caption("ผลการประเมิน ITA", "ITA results", "ปี 2568 | อปท. ในจังหวัดนครราชสีมา | ข้อมูลสังเคราะห์",
                    "2568 | LAOs of Nakhon Ratchasima | synthetic data");
            ChartData.Label peers = ChartData.Label.of("อปท. ในจังหวัดนครราชสีมา", "LAOs of Nakhon Ratchasima");
            List<ChartData.Ranking.Bar> bars = new ArrayList<>();
            double[] scores = random.doubles(300, 55, 100).map(v -> Math.round(v * 100) / 100.0).sorted().toArray();
            for (int i = 0; i < 300; i++) {
                bars.add(new ChartData.Ranking.Bar("อบต.ตำบลที่ " + (i + 1), scores[299 - i], i + 1, i == 120));
            }
            List<ChartData.Band> bands = List.of(new ChartData.Band("ผ่านดีเยี่ยม", "Excellent", 95), new ChartData.Band("ผ่านดี", "Good", 85),
                    new ChartData.Band("ต้องปรับปรุง", "Improve", 70), new ChartData.Band("ต้องปรับปรุงโดยด่วน", "Urgent", 0));
            Map<String, ChartData> kinds = new LinkedHashMap<>();
            kinds.put("ranking (all 300)", new ChartData.Ranking(caption, bars, bands, -1));
            kinds.put("ranking (fitted, default)", new ChartData.Ranking(caption, bars, bands, 0));
            List<ChartData.Trend.Series> tools = new ArrayList<>();
            List<ChartData.Trend.Series> indicatorSeries = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                Map<Integer, Double> points = new LinkedHashMap<>();
                Map<Integer, Double> medians = new LinkedHashMap<>();
                for (int year = 2561; year <= 2568; year++) {
                    points.put(year, 60 + random.nextDouble() * 40);
                    medians.put(year, 80 + random.nextDouble() * 15);
                }
                ChartData.Trend.Series series = new ChartData.Trend.Series("ind" + (m + 1), ChartData.Label.of("ตัวชี้วัดที่ " + (m + 1), "Indicator " + (m + 1)),
                        points, medians);
                indicatorSeries.add(series);
                if (m < 3) {
                    tools.add(series);
                }
            }
            kinds.put("trend (3 tools × 8 years)", new ChartData.Trend(caption, "อบต.ตำบลที่ 121", peers, tools, List.of(2567, 2568)));
            kinds.put("trend (10 indicators)", new ChartData.Trend(caption, "อบต.ตำบลที่ 121", peers, indicatorSeries, List.of(2567, 2568)));
            List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
            List<ChartData.Distribution.Box> boxes = new ArrayList<>();
            List<ChartData.Label> names = new ArrayList<>();
            double[][] cells = new double[300][10];
            for (int i = 0; i < 10; i++) {
                ChartData.Label name = ChartData.Label.of("ตัวชี้วัดที่ " + (i + 1), "Indicator " + (i + 1));
                names.add(name);
                indicators.add(new ChartData.Profile.Indicator("ind" + (i + 1), name, 80 + random.nextDouble() * 20,
                        new ChartData.Spread(300, 50.0, 85, 90, 95, 100.0)));
                boxes.add(new ChartData.Distribution.Box(name, random.doubles(300, 50, 100).boxed().toList(), 90.0));
                for (int o = 0; o < 300; o++) {
                    cells[o][i] = 50 + random.nextDouble() * 50;
                }
            }
            kinds.put("profile (10)", new ChartData.Profile(caption, "อบต.ตำบลที่ 121", peers, indicators));
            kinds.put("distribution (10 × 300)", new ChartData.Distribution(caption, ChartData.Label.of("คะแนน", "Score"), "อบต.ตำบลที่ 121", boxes));
            List<ChartData.Distribution.Box> provinces = new ArrayList<>();
            for (int p = 0; p < 77; p++) {
                provinces.add(new ChartData.Distribution.Box(ChartData.Label.of("จังหวัด " + (p + 1), "Province " + (p + 1)),
                        random.doubles(100, 70, 100).boxed().toList(), p == 3 ? 90.0 : null));
            }
            kinds.put("distribution (77 provinces)", new ChartData.Distribution(caption, ChartData.Label.of("คะแนนรวม", "Total"), "อบต.ตำบลที่ 121", provinces));
            List<String> organizations = new ArrayList<>();
            for (int o = 0; o < 300; o++) {
                organizations.add("อบต.ตำบลที่ " + (o + 1));
            }
            kinds.put("heatmap (300 × 10)", new ChartData.Heatmap(caption, organizations, names, cells, organizations.get(120)));
            List<ChartData.Levels.Level> levels = new ArrayList<>();
            for (String[] level : new String[][] {{"EXCELLENT", "ผ่านดีเยี่ยม", "Excellent"}, {"GOOD", "ผ่านดี", "Good"}, {"PASS", "ผ่าน", "Pass"},
                    {"IMPROVE", "ต้องปรับปรุง", "Improve"}, {"URGENT", "ต้องปรับปรุงโดยด่วน", "Urgent"}}) {
                levels.add(new ChartData.Levels.Level("pass-levels-2567", level[0], ChartData.Label.of(level[1], level[2])));
            }
            List<ChartData.Levels.Group> groups = new ArrayList<>();
            for (int p = 0; p < 77; p++) {
                groups.add(new ChartData.Levels.Group(ChartData.Label.of("จังหวัด " + (p + 1), "Province " + (p + 1)), "pass-levels-2567",
                        Map.of("EXCELLENT", random.nextInt(40), "GOOD", random.nextInt(80), "PASS", random.nextInt(20), "IMPROVE", random.nextInt(10),
                                "URGENT", random.nextInt(3))));
            }
            kinds.put("levels (77 provinces)", new ChartData.Levels(caption, levels, groups));
            return kinds;
        }
    }
}
