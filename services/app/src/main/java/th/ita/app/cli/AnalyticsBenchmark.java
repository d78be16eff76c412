package th.ita.app.cli;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.tenant.TenantId;

/**
 * Computes the analytics of every organization of every year of a tenant and times it: loading the
 * score table from the store, then province rankings, weaknesses, next level, trends and province
 * summaries for every org-year.
 */
public final class AnalyticsBenchmark {
    private AnalyticsBenchmark() {
    }

    static int run(String[] args) {
        String tenant = args.length >= 3 && args[1].equals("--tenant") ? args[2] : "demo";
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            Organizations organizations = context.getBean(Organizations.class);
            CurrentScores scores = context.getBean(CurrentScores.class);
            Frameworks frameworks = context.getBean(Frameworks.class);
            TenantId id = TenantId.of(tenant);
            for (int round = 1; round <= 3; round++) {
                long started = System.nanoTime();
                ScoreTable table = ScoreTable.builder(organizations.all(id), frameworks).addCurrent(scores, id).build();
                long loaded = System.nanoTime();
                long results = computeEverything(table);
                long done = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d: %,d organizations, %d years: table loaded in %.2f s; every analytic of every org-year "
                                + "(%,d results) in %.2f s%n", round, table.organizations().size(), table.years().size(),
                        (loaded - started) / 1e9, results, (done - loaded) / 1e9);
            }
        }
        return 0;
    }

    /**
     * Every analytic of every org-year, as the overview and the province pages compute them: the province ranking with
     * the year before, the province summary, weaknesses, the next level, and the trend of every total. Returns how many
     * results there were (the benchmarks module times the same work beside DuckDB).
     */
    public static long computeEverything(ScoreTable table) {
        Map<String, List<Integer>> byProvince = new HashMap<>();
        List<Organization> all = table.organizations();
        for (int i = 0; i < all.size(); i++) {
            byProvince.computeIfAbsent(all.get(i).provinceCode(), code -> new ArrayList<>()).add(i);
        }
        FindWeaknesses weaknesses = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT);
        RankPeers rankPeers = new RankPeers(RankPeers.DEFAULT_MARGIN);
        long results = 0;
        for (int year : table.years()) {
            double[] totals = table.column(year, "total").orElseThrow();
            double[] previous = table.column(year - 1, "total").orElse(null);
            for (Map.Entry<String, List<Integer>> province : byProvince.entrySet()) {
                int[] members = province.getValue().stream().mapToInt(Integer::intValue).toArray();
                FindWeaknesses.Peers peers = new FindWeaknesses.Peers("PROVINCE:" + province.getKey(), members);
                List<RankPeers.Member> now = new ArrayList<>();
                List<RankPeers.Member> before = new ArrayList<>();
                for (int member : members) {
                    if (!Double.isNaN(totals[member])) {
                        now.add(new RankPeers.Member(member, totals[member]));
                    }
                    if (previous != null && !Double.isNaN(previous[member])) {
                        before.add(new RankPeers.Member(member, previous[member]));
                    }
                }
                results += rankPeers.rank(now, before).size();
                results += SummarizeGroup.of(table, year, "total", members).count();
                for (int member : members) {
                    results += weaknesses.find(table, member, year, peers).weaknesses().size();
                    results += NextLevel.of(table, member, year).map(r -> r.levers().size()).orElse(0);
                }
            }
        }
        for (int i = 0; i < all.size(); i++) {
            results += TrendOf.of(table, i, "total").points().size();
        }
        return results;
    }
}
