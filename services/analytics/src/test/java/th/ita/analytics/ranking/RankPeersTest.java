package th.ita.analytics.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankPeersTest {
    private final RankPeers rankPeers = new RankPeers(RankPeers.DEFAULT_MARGIN);

    private static RankPeers.Member member(long id, double score) {
        return new RankPeers.Member(id, score);
    }

    @Test
    void ranksTiedOrganizationsWithTheSameRank() {
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 95.41), member(2, 90), member(3, 90), member(4, 80)), List.of());

        assertThat(ranked).extracting(RankPeers.Ranked::organizationId, RankPeers.Ranked::rank).containsExactly(
                tuple(1L, 1), tuple(2L, 2), tuple(3L, 2), tuple(4L, 4));
        assertThat(ranked).allSatisfy(r -> assertThat(r.groupSize()).isEqualTo(4));
    }

    @Test
    void givesPercentilesAsExcelsPercentrankIncAndQuartiles() {
        // PERCENTRANK.INC({95.41,90,90,80}, x): 95.41 → 1, 90 → 0.333, 80 → 0.
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 95.41), member(2, 90), member(3, 90), member(4, 80)), List.of());

        assertThat(ranked).extracting(RankPeers.Ranked::percentRank, RankPeers.Ranked::percentile, RankPeers.Ranked::quartile).containsExactly(
                tuple(1.0, 100.0, 1), tuple(0.333, 33.3, 3), tuple(0.333, 33.3, 3), tuple(0.0, 0.0, 4));
    }

    @Test
    void truncatesThePercentRankToThreeDigitsAsExcelDoes() {
        // 45 members, 29 below: PERCENTRANK.INC answers 0.659 (29/44 = 0.65909…, truncated), not 65.91.
        List<RankPeers.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            members.add(member(i, 50 + i));
        }
        RankPeers.Ranked ranked = rankPeers.rank(members, List.of()).stream().filter(r -> r.organizationId() == 29).findFirst().orElseThrow();

        assertThat(ranked.percentRank()).isEqualTo(0.659);
        assertThat(ranked.percentile()).isEqualTo(65.9);
        // 2 of 3 below is 0.6666…: Excel truncates to 0.666, it does not round to 0.667.
        assertThat(RankPeers.percentRank(2, 4).doubleValue()).isEqualTo(0.666);
    }

    @Test
    void measuresTheGapToTheMedianOnTheExactMedian() {
        // Median of {80, 92.04, 92.05, 93.07} is 92.045: 93.07 − 92.045 = 1.025 → 1.03 (in doubles 1.02499… → 1.02).
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 93.07), member(2, 92.05), member(3, 92.04), member(4, 80)), List.of());

        assertThat(ranked.get(0).gapToMedian()).isEqualTo(1.03);
    }

    @Test
    void measuresTheGapsToTheOrganizationAboveTheMedianAndTheTop() {
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 95.41), member(2, 90), member(3, 90), member(4, 80)), List.of());

        // Median of {80, 90, 90, 95.41} is 90.
        assertThat(ranked).extracting(RankPeers.Ranked::gapToAbove, RankPeers.Ranked::gapToMedian, RankPeers.Ranked::gapToTop).containsExactly(
                tuple(0.0, 5.41, 0.0), tuple(5.41, 0.0, 5.41), tuple(5.41, 0.0, 5.41), tuple(10.0, -10.0, 15.41));
    }

    @Test
    void marksRanksThatDifferencesBelowTheMarginCannotSeparate() {
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 95.41), member(2, 95.20), member(3, 94.00)), List.of());

        assertThat(ranked).extracting(RankPeers.Ranked::tooCloseToCall, RankPeers.Ranked::bestRank, RankPeers.Ranked::worstRank).containsExactly(
                tuple(true, 1, 2), tuple(true, 1, 2), tuple(false, 3, 3));
    }

    @Test
    void ranksAGroupOfOneFirstOfOne() {
        assertThat(rankPeers.rank(List.of(member(1, 50.02)), List.of())).singleElement().satisfies(r -> {
            assertThat(r.rank()).isEqualTo(1);
            assertThat(r.groupSize()).isEqualTo(1);
            assertThat(r.percentile()).isEqualTo(100.0);
            assertThat(r.tooCloseToCall()).isFalse();
        });
    }

    @Test
    void reportsTheChangeOfRankSinceTheYearBeforeOnlyForThoseRankedThen() {
        List<RankPeers.Ranked> ranked = rankPeers.rank(List.of(member(1, 95), member(2, 90), member(3, 85)),
                List.of(member(1, 80), member(2, 90)));

        assertThat(ranked).extracting(RankPeers.Ranked::previousRank, RankPeers.Ranked::change).containsExactly(
                tuple(2, 1), tuple(1, -1), tuple(null, null));
    }

    @Test
    void ranksAnEmptyGroupAsNothing() {
        assertThat(rankPeers.rank(List.of(), List.of())).isEmpty();
    }
}
