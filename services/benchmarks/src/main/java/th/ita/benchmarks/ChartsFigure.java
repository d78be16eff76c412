package th.ita.benchmarks;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.TenantTables;
import th.ita.charts.ChartData;
import th.ita.charts.ChartOptions;
import th.ita.charts.DrawCharts;
import th.ita.charts.PngEncoder;
import th.ita.charts.RenderPool;
import th.ita.core.organization.Organization;

/**
 * The 300-bar ranking PNG at 1200×800 of the largest province's organizations in 2568, from the warm
 * table: the platform gathers the bars and draws the PNG; the DuckDB peer gathers the same bars by a
 * query (it draws nothing: the drawing peer, matplotlib, is not on this machine). Also the
 * parts: drawing alone, PNG encoding by ImageIO (before) and by {@link PngEncoder} (now), SVG, a
 * cached render, and charts of the whole nation.
 */
final class ChartsFigure implements Benchmarks.Figure {
    private static final int YEAR = 2568;

    @Override
    public String summary() {
        return "300-bar ranking PNG 1200×800: the platform's data and drawing vs DuckDB's query of the bars [--data-dir D] [--times 1] [--repetitions 30]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path root = Path.of(NationalData.option(args, "--data-dir", "/tmp/ita-benchmarks"));
        int times = Integer.parseInt(NationalData.option(args, "--times", "1"));
        int repetitions = Integer.parseInt(NationalData.option(args, "--repetitions", "30"));
        Path csv = NationalData.csv(root, times);
        Path store = NationalData.store(root, times);
        DrawCharts draw = new DrawCharts(LocalDate.of(2026, 12, 1));
        try (ApplicationContext context = NationalData.open(store, true); Connection duckDb = DuckDb.inMemory()) {
            ScoreTable table = context.getBean(TenantTables.class).table(NationalData.TENANT);
            try (var statement = duckDb.createStatement()) {
                statement.execute("CREATE TABLE national AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, types = {'organization_code': 'VARCHAR'})");
            }
            Map<String, List<Integer>> byProvince = new HashMap<>();
            for (int i = 0; i < table.organizations().size(); i++) {
                byProvince.computeIfAbsent(table.organizations().get(i).provinceCode(), code -> new ArrayList<>()).add(i);
            }
            List<Integer> largest = byProvince.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
            String provinceName = provinceName(duckDb, table.organizations().get(largest.get(0)));
            System.out.printf(Locale.ROOT, "charts: ranking of %d of the %d organizations of %s, %d; load %s%n", 300, largest.size(), provinceName, YEAR,
                    Alternating.machineLoad());
            ChartOptions png = new ChartOptions(1200, 800, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
            ChartOptions svg = new ChartOptions(1200, 800, ChartOptions.Format.SVG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
            int[] highlighted = {0};
            Supplier<ChartData.Ranking> ranking = () -> ranking(table, largest, 300, highlighted[0]++ % 300, -1);
            PreparedStatement bars = duckDb.prepareStatement("""
                    SELECT organization_name, total, rank() OVER (ORDER BY total DESC) AS rank FROM national
                    WHERE province = ? AND year = ? AND total IS NOT NULL ORDER BY total DESC LIMIT 300""");
            Alternating.measure("300-bar ranking PNG 1200×800", 10, repetitions, "platform (bars + PNG)", () -> draw.draw(ranking.get(), png),
                    "DuckDB (the bars' query)", () -> {
                        bars.setString(1, provinceName);
                        bars.setInt(2, YEAR);
                        try (var rows = bars.executeQuery()) {
                            while (rows.next()) {
                                rows.getString(1);
                            }
                        }
                    }).print(System.out);
            ChartData.Ranking fixed = ranking(table, largest, 300, 120, -1);
            System.out.printf(Locale.ROOT, "| the bars from the warm table | %s |%n", median(repetitions, ranking::get));
            System.out.printf(Locale.ROOT, "| drawing the pixels (no encoding) | %s |%n", median(repetitions, () -> draw.pixels(fixed, png)));
            var pixels = draw.pixels(fixed, png);
            byte[][] encoded = new byte[2][];
            System.out.printf(Locale.ROOT, "| PNG encoding by ImageIO (before) | %s |%n", median(repetitions, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
                try {
                    ImageIO.write(pixels, "png", out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                encoded[0] = out.toByteArray();
            }));
            System.out.printf(Locale.ROOT, "| PNG encoding by PngEncoder (now) | %s |%n", median(repetitions, () -> encoded[1] = PngEncoder.encode(pixels)));
            System.out.printf(Locale.ROOT, "| PNG size | ImageIO %,d bytes, PngEncoder %,d bytes |%n", encoded[0].length, encoded[1].length);
            System.out.printf(Locale.ROOT, "| whole PNG (data, drawing, encoding) | %s |%n", median(repetitions, () -> draw.draw(fixed, png)));
            System.out.printf(Locale.ROOT, "| whole SVG | %s |%n", median(repetitions, () -> draw.draw(fixed, svg)));
            try (RenderPool pool = new RenderPool(2, 8, 64L << 20, Clock.systemUTC(), new RenderPool.Duration(30, TimeUnit.SECONDS))) {
                pool.render(draw, fixed, png);
                long before = pool.renders();
                String cached = median(repetitions, () -> pool.render(draw, fixed, png));
                System.out.printf(Locale.ROOT, "| the same chart again (render cache, ETag computed) | %s, %d renders |%n", cached, pool.renders() - before);
            }
            List<Integer> everyone = new ArrayList<>();
            for (int i = 0; i < table.organizations().size(); i++) {
                everyone.add(i);
            }
            ChartData.Ranking nation = ranking(table, everyone, everyone.size(), everyone.size() / 3, 0);
            ChartOptions nationOptions = new ChartOptions(1200, DrawCharts.preferredHeight(nation, 1200), ChartOptions.Format.PNG, ChartOptions.Language.TH,
                    ChartOptions.Digits.ARABIC);
            System.out.printf(Locale.ROOT, "| nation ranking (%,d organizations, fitted) PNG 1200×%d | %s, %,d bytes |%n", nation.bars().size(),
                    nationOptions.height(), median(Math.max(5, repetitions / 3), () -> draw.draw(nation, nationOptions)), draw.draw(nation, nationOptions).bytes().length);
            ChartData.Ranking nationAll = ranking(table, everyone, everyone.size(), everyone.size() / 3, -1);
            System.out.printf(Locale.ROOT, "| nation ranking, every bar (%,d) PNG 1200×800 | %s |%n", nationAll.bars().size(),
                    median(Math.max(5, repetitions / 3), () -> draw.draw(nationAll, png)));
            Path sample = root.resolve("ranking-300.png");
            Files.write(sample, draw.draw(fixed, png).bytes());
            System.out.printf(Locale.ROOT, "sample: %s; load at the end %s%n", sample, Alternating.machineLoad());
        }
        return 0;
    }

    private static String provinceName(Connection duckDb, Organization organization) throws Exception {
        try (PreparedStatement statement = duckDb.prepareStatement("SELECT province FROM national WHERE organization_code = ? LIMIT 1")) {
            statement.setString(1, organization.code());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** The best {@code size} of the members by total in {@link #YEAR}, as the platform's ranking chart gets them. */
    private static ChartData.Ranking ranking(ScoreTable table, List<Integer> members, int size, int highlighted, int topBottom) {
        double[] totals = table.column(YEAR, "total").orElseThrow();
        List<Integer> ranked = new ArrayList<>(members.stream().filter(i -> !Double.isNaN(totals[i])).toList());
        ranked.sort(Comparator.comparingDouble((Integer i) -> totals[i]).reversed());
        List<ChartData.Ranking.Bar> bars = new ArrayList<>();
        int rank = 0;
        for (int position = 0; position < Math.min(size, ranked.size()); position++) {
            int member = ranked.get(position);
            if (position == 0 || totals[member] != totals[ranked.get(position - 1)]) {
                rank = position + 1;
            }
            bars.add(new ChartData.Ranking.Bar(table.organization(member).nameTh(), totals[member], rank, position == highlighted));
        }
        ChartData.Caption caption = new ChartData.Caption("ผลการประเมิน ITA", "ITA results", "ปี " + YEAR + " | อปท. | ข้อมูลสาธิต", YEAR + " | LAOs | demo data");
        List<ChartData.Band> bands = List.of(new ChartData.Band("ผ่านดีเยี่ยม", "Excellent", 95), new ChartData.Band("ผ่านดี", "Good", 85),
                new ChartData.Band("ต้องปรับปรุง", "Improve", 70), new ChartData.Band("ต้องปรับปรุงโดยด่วน", "Urgent", 0));
        return new ChartData.Ranking(caption, bars, bands, topBottom);
    }

    /** "min X ms, median Y ms" of the work's repetitions, after a few untimed. */
    private static String median(int repetitions, Runnable work) {
        for (int i = 0; i < Math.max(3, repetitions / 3); i++) {
            work.run();
        }
        double[] times = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long started = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        double median = repetitions % 2 == 1 ? times[repetitions / 2] : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
        return String.format(Locale.ROOT, times[0] < 1 ? "min %.3f ms, median %.3f ms" : "min %.1f ms, median %.1f ms", times[0], median);
    }
}
