package th.ita.benchmarks;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.TenantTables;
import th.ita.app.cli.AnalyticsBenchmark;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Tool;

/**
 * Every analytic of every org-year on a warm table — province ranking with the year before, province
 * summary, weaknesses and strengths (threshold, lowest of its tool, below the province median, falling),
 * next level with its levers, and the trend of every organization's total — beside the same analytics
 * in DuckDB SQL (window functions, medians, a regression per organization) over the national CSV in a
 * DuckDB table, each result set materialized. Neither side reads a file or the store while timed.
 */
final class AnalyticsFigure implements Benchmarks.Figure {
    @Override
    public String summary() {
        return "every analytic of every org-year, warm, vs the same in DuckDB SQL [--data-dir D] [--times 1|2|4] [--repetitions 5]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path root = Path.of(NationalData.option(args, "--data-dir", "/tmp/ita-benchmarks"));
        int times = Integer.parseInt(NationalData.option(args, "--times", "1"));
        int repetitions = Integer.parseInt(NationalData.option(args, "--repetitions", "5"));
        Path csv = NationalData.csv(root, times);
        Path store = NationalData.store(root, times);
        try (ApplicationContext context = NationalData.open(store, true); Connection duckDb = DuckDb.inMemory()) {
            ScoreTable table = context.getBean(TenantTables.class).table(NationalData.TENANT);
            Frameworks frameworks = context.getBean(Frameworks.class);
            prepare(duckDb, csv, frameworks);
            System.out.printf(Locale.ROOT, "analytics: %,d organizations × %d years; load %s%n", table.organizations().size(), table.years().size(),
                    Alternating.machineLoad());
            long[] results = new long[2];
            Alternating.Result result = Alternating.measure("every analytic of every org-year", 2, repetitions,
                    "platform", () -> results[0] = AnalyticsBenchmark.computeEverything(table), "DuckDB SQL", () -> results[1] = sql(duckDb));
            result.print(System.out);
            System.out.printf(Locale.ROOT, "results: platform %,d, DuckDB %,d rows; load at the end %s%n", results[0], results[1], Alternating.machineLoad());
        }
        return 0;
    }

    /** The national CSV as a table, and the frameworks' indicators and level rules as tables (untimed). */
    private static void prepare(Connection db, Path csv, Frameworks frameworks) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE national AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, types = {'organization_code': 'VARCHAR'})");
            statement.execute("CREATE TABLE indicators (year INTEGER, tool VARCHAR, indicator VARCHAR, per_point DOUBLE)");
            statement.execute("CREATE TABLE levels (year INTEGER, position INTEGER, code VARCHAR, min_total DOUBLE, min_each_tool DOUBLE)");
        }
        try (PreparedStatement indicators = db.prepareStatement("INSERT INTO indicators VALUES (?, ?, ?, ?)");
             PreparedStatement levels = db.prepareStatement("INSERT INTO levels VALUES (?, ?, ?, ?, ?)")) {
            for (Framework framework : frameworks.all()) {
                for (Tool tool : framework.tools()) {
                    for (Indicator indicator : tool.indicators()) {
                        indicators.setInt(1, framework.year());
                        indicators.setString(2, tool.code());
                        indicators.setString(3, indicator.code());
                        indicators.setDouble(4, tool.weight() / tool.indicators().size());
                        indicators.addBatch();
                    }
                }
                List<LevelRule> rules = framework.levelScheme().levels();
                for (int position = 0; position < rules.size(); position++) {
                    LevelRule rule = rules.get(position);
                    levels.setInt(1, framework.year());
                    levels.setInt(2, position);
                    levels.setString(3, rule.code());
                    levels.setDouble(4, rule.minTotal());
                    levels.setDouble(5, rule.minEachTool().orElse(0));
                    levels.addBatch();
                }
            }
            indicators.executeBatch();
            levels.executeBatch();
        }
    }

    /** The same analytics in SQL; each result materialized as a table. Returns the rows produced. */
    private static long sql(Connection db) throws Exception {
        String[] steps = {
            // Indicators in long form, with their tool.
            """
            CREATE OR REPLACE TEMP TABLE ind_long AS
            SELECT n.organization_code AS code, n.province, n.year, i.tool, u.indicator, u.score, i.per_point
            FROM (UNPIVOT national ON ind1, ind2, ind3, ind4, ind5, ind6, ind7, ind8, ind9, ind10 INTO NAME indicator VALUE score) u
            JOIN national n ON n.organization_code = u.organization_code AND n.year = u.year
            JOIN indicators i ON i.year = u.year AND i.indicator = u.indicator
            WHERE u.score IS NOT NULL
            """,
            // Province ranking (standard competition rank) with the rank the year before.
            """
            CREATE OR REPLACE TEMP TABLE ranking AS
            WITH r AS (SELECT organization_code AS code, province, year, total,
                              rank() OVER (PARTITION BY province, year ORDER BY total DESC) AS rank
                       FROM national WHERE total IS NOT NULL)
            SELECT r.*, p.rank AS rank_before, r.total - p.total AS change
            FROM r LEFT JOIN r p ON p.code = r.code AND p.year = r.year - 1
            """,
            // Province summary of the total.
            """
            CREATE OR REPLACE TEMP TABLE summary AS
            SELECT province, year, count(total) AS n, avg(total) AS mean, median(total) AS median,
                   quantile_cont(total, 0.25) AS q1, quantile_cont(total, 0.75) AS q3, min(total) AS low, max(total) AS high,
                   stddev_samp(total) AS sd
            FROM national GROUP BY province, year
            """,
            // Weaknesses and strengths of every org-year.
            """
            CREATE OR REPLACE TEMP TABLE weaknesses AS
            WITH w AS (
              SELECT *, quantile_cont(score, 0.5) OVER (PARTITION BY province, year, indicator) AS peer_median,
                     min(score) OVER (PARTITION BY code, year, tool) AS lowest, max(score) OVER (PARTITION BY code, year, tool) AS highest,
                     count(score) OVER (PARTITION BY code, year, tool) AS known,
                     lag(score, 1) OVER (PARTITION BY code, indicator ORDER BY year) AS before,
                     lag(score, 2) OVER (PARTITION BY code, indicator ORDER BY year) AS earlier
              FROM ind_long)
            SELECT code, year, indicator, score, peer_median, score > 90 AS strength,
                   score < 85 AS below, known >= 2 AND lowest < highest AND score = lowest AS lowest_of_tool,
                   score < peer_median - 5 AS below_median, before IS NOT NULL AND earlier IS NOT NULL AND score < before AND before < earlier AS falling,
                   CASE WHEN score < 85 AND (score < 70 OR (score < before AND before < earlier)) THEN 'HIGH' WHEN score < 85 THEN 'MEDIUM' ELSE 'LOW' END AS severity
            FROM w
            WHERE score > 90 OR score < 85 OR (known >= 2 AND lowest < highest AND score = lowest) OR score < peer_median - 5
                  OR (before IS NOT NULL AND earlier IS NOT NULL AND score < before AND before < earlier)
            """,
            // The level of every org-year, the next one and the points missing.
            """
            CREATE OR REPLACE TEMP TABLE next_level AS
            WITH reached AS (
              SELECT n.organization_code AS code, n.year, n.total, n.IIT, n.EIT, n.OIT, min(l.position) AS position
              FROM national n JOIN levels l ON l.year = n.year
                   AND n.total >= l.min_total AND coalesce(n.IIT, 0) >= l.min_each_tool AND coalesce(n.EIT, 0) >= l.min_each_tool
                   AND coalesce(n.OIT, 0) >= l.min_each_tool
              WHERE n.total IS NOT NULL GROUP BY ALL)
            SELECT r.code, r.year, r.position, t.code AS next, greatest(0, t.min_total - r.total) AS points,
                   greatest(0, t.min_each_tool - r.IIT) AS iit_gap, greatest(0, t.min_each_tool - r.EIT) AS eit_gap,
                   greatest(0, t.min_each_tool - r.OIT) AS oit_gap
            FROM reached r LEFT JOIN levels t ON t.year = r.year AND t.position = r.position - 1
            """,
            // Levers: every indicator below 100, the blocking tools' first, then by points on the total per point.
            """
            CREATE OR REPLACE TEMP TABLE levers AS
            SELECT i.code, i.year, i.indicator, i.score, i.per_point, 100 - i.score AS headroom,
                   row_number() OVER (PARTITION BY i.code, i.year ORDER BY
                     (CASE i.tool WHEN 'IIT' THEN x.iit_gap WHEN 'EIT' THEN x.eit_gap ELSE x.oit_gap END) > 0 DESC,
                     i.per_point DESC, 100 - i.score DESC) AS position
            FROM ind_long i JOIN next_level x ON x.code = i.code AND x.year = i.year
            WHERE i.score < 100
            """,
            // The trend of every organization's total: yearly changes and a least-squares slope.
            """
            CREATE OR REPLACE TEMP TABLE trend AS
            WITH c AS (SELECT organization_code AS code, year, total, total - lag(total) OVER (PARTITION BY organization_code ORDER BY year) AS change
                       FROM national WHERE total IS NOT NULL)
            SELECT code, count(*) AS points, regr_slope(total, year) AS slope, regr_r2(total, year) AS r2, sum(change) AS changes
            FROM c GROUP BY code
            """,
        };
        long rows = 0;
        try (Statement statement = db.createStatement()) {
            for (String step : steps) {
                statement.execute(step);
            }
            for (String result : new String[] {"ranking", "summary", "weaknesses", "next_level", "levers", "trend"}) {
                try (var count = statement.executeQuery("SELECT count(*) FROM " + result)) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
        }
        return rows;
    }
}
