package th.ita.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.table.TableMetrics;
import th.ita.analytics.weakness.CountWeakIndicators;
import th.ita.core.organization.Organization;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

/** Rankings of a group, the weak indicators of a province and the metrics of a table, by organization id. */
class GroupAnalyticsTest {
    // Ids far from the table indexes (0–4), so a result by index cannot pass for a result by id.
    private final List<Organization> organizations = List.of(
            Seed002.organization(101, "ม่วงยาย", "57"), Seed002.organization(205, "ท่าข้าม", "57"),
            Seed002.organization(307, "ปอ", "57"), Seed002.organization(409, "หล่ายงาว", "57"),
            Seed002.organization(511, "หนองเสม็ด", "23"));

    private static ScoreFact fact(long organization, int year, String metric, double value) {
        return new ScoreFact(organization, year, metric, value, Provenance.REPORTED);
    }

    private ScoreTable table() {
        List<ScoreFact> facts = new ArrayList<>();
        facts.add(fact(101, 2568, "total", 95.41));
        facts.add(fact(205, 2568, "total", 90.00));
        facts.add(fact(307, 2568, "total", 90.00));
        facts.add(fact(409, 2568, "total", 80.00));
        facts.add(fact(511, 2568, "total", 99.00));
        facts.add(fact(101, 2567, "total", 88.00));
        facts.add(fact(205, 2567, "total", 92.00));
        facts.add(fact(409, 2567, "total", 70.00));
        // Indicators of 2568: ind1 weak (< 85) for 205 and 409; ind7 weak for 101 only; 307 has no ind7.
        facts.add(fact(101, 2568, "ind1", 98.67));
        facts.add(fact(205, 2568, "ind1", 84.99));
        facts.add(fact(307, 2568, "ind1", 85.00));
        facts.add(fact(409, 2568, "ind1", 60.00));
        facts.add(fact(101, 2568, "ind7", 62.56));
        facts.add(fact(205, 2568, "ind7", 93.14));
        facts.add(fact(409, 2568, "ind7", 90.00));
        facts.add(fact(511, 2568, "ind1", 10.00));
        facts.add(fact(101, 2562, "total", 70.00));
        return Seed002.table(organizations, facts);
    }

    @Test
    void ranksTheProvinceOfAnOrganizationByOrganizationIdWithTiesAndLastYearsRank() {
        List<RankPeers.Ranked> ranked = new RankGroup(0.5).rank(table(), PeerGroup.PROVINCE, organizations.get(0), 2568, "total");

        // เชียงราย only (หนองเสม็ด of ตราด is not in the group); 205 and 307 tie at 90 and share rank 2.
        assertThat(ranked).extracting(RankPeers.Ranked::organizationId, RankPeers.Ranked::score, RankPeers.Ranked::rank,
                        RankPeers.Ranked::groupSize, RankPeers.Ranked::previousRank, RankPeers.Ranked::change)
                .containsExactly(tuple(101L, 95.41, 1, 4, 2, 1), tuple(205L, 90.0, 2, 4, 1, -1), tuple(307L, 90.0, 2, 4, null, null),
                        tuple(409L, 80.0, 4, 4, 3, -1));
        // Median of {95.41, 90, 90, 80} is 90: 101 is 5.41 above it, 409 10 below.
        assertThat(ranked).extracting(RankPeers.Ranked::gapToMedian).containsExactly(5.41, 0.0, 0.0, -10.0);
    }

    @Test
    void ranksASavedGroupOfIdsAndLeavesOutIdsWithoutScores() {
        List<RankPeers.Ranked> ranked = new RankGroup(0.5).rank(table(), "CUSTOM:1", List.of(511L, 409L, 999L), 2568, "total");

        assertThat(ranked).extracting(RankPeers.Ranked::organizationId, RankPeers.Ranked::rank, RankPeers.Ranked::groupSize)
                .containsExactly(tuple(511L, 1, 2), tuple(409L, 2, 2));
    }

    @Test
    void ranksOnAnIndicatorOnlyTheMembersScoredOnIt() {
        List<RankPeers.Ranked> ranked = new RankGroup(0.5).rank(table(), PeerGroup.PROVINCE, organizations.get(0), 2568, "ind7");

        assertThat(ranked).extracting(RankPeers.Ranked::organizationId, RankPeers.Ranked::rank, RankPeers.Ranked::groupSize)
                .containsExactly(tuple(205L, 1, 3), tuple(409L, 2, 3), tuple(101L, 3, 3));
    }

    @Test
    void countsTheOrganizationsOfAProvinceBelowTheThresholdInEachIndicatorOfTheYear() {
        int[] chiangRai = PeerGroup.PROVINCE.members(table(), organizations.get(0));

        List<CountWeakIndicators.WeakIndicator> weak = new CountWeakIndicators(85).count(table(), 2568, chiangRai);

        // Every indicator of the 2568 framework, in its order; 84.99 is weak, 85.00 is not.
        assertThat(weak).hasSize(10);
        assertThat(weak).extracting(w -> w.indicator().code(), CountWeakIndicators.WeakIndicator::scoredCount, CountWeakIndicators.WeakIndicator::weakOrganizationIds)
                .startsWith(tuple("ind1", 4, List.of(205L, 409L)), tuple("ind2", 0, List.of()));
        assertThat(weak.get(6)).satisfies(ind7 -> {
            assertThat(ind7.indicator().code()).isEqualTo("ind7");
            assertThat(ind7.scoredCount()).isEqualTo(3);
            assertThat(ind7.weakOrganizationIds()).containsExactly(101L);
            assertThat(ind7.weakCount()).isEqualTo(1);
        });
        assertThat(new CountWeakIndicators(90).count(table(), 2568, chiangRai).get(0).weakOrganizationIds()).containsExactly(205L, 307L, 409L);
        assertThat(new CountWeakIndicators(85).count(table(), 2550, chiangRai)).isEmpty();
    }

    @Test
    void listsTheToolsAndIndicatorsOfTheTablesFrameworks() {
        assertThat(TableMetrics.toolCodes(table())).containsExactly("IIT", "EIT", "OIT");
        assertThat(TableMetrics.indicatorCodes(table())).containsExactly("ind1", "ind2", "ind3", "ind4", "ind5", "ind6", "ind7", "ind8", "ind9", "ind10");
        assertThat(TableMetrics.toolCodes(Seed002.table(organizations, List.of()))).isEmpty();
    }
}
