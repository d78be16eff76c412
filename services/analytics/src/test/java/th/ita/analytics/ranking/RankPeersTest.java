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

        assertThat(ranked).extracting(RankPeers.Ranked::percentile, RankPeers.Ranked::quartile).containsExactly(
                tuple(100.0, 1), tuple(33.33, 3), tuple(33.33, 3), tuple(0.0, 4));
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
