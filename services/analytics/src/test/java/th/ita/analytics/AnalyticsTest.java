package th.ita.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.Movers;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.organization.Organization;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;

/** The analytics on figures checked by hand, most of them seed 002's. */
class AnalyticsTest {
    private static ScoreFact fact(long organization, int year, String metric, double value) {
        return new ScoreFact(organization, year, metric, value, Provenance.REPORTED);
    }

    private final List<Organization> organizations = List.of(
            Seed002.organization(1, "ม่วงยาย", "57"), Seed002.organization(2, "ท่าข้าม", "57"),
            Seed002.organization(3, "ปอ", "57"), Seed002.organization(4, "หล่ายงาว", "57"));

    private ScoreTable table() {
        List<ScoreFact> facts = new ArrayList<>(Seed002.muangYai2568());
        facts.add(fact(1, 2565, "total", 80.00));
        facts.add(fact(1, 2566, "total", 85.00));
        facts.add(fact(1, 2567, "total", 90.00));
        facts.add(fact(1, 2567, "IIT", 95.00));
        facts.add(fact(1, 2567, "EIT", 88.00));
        facts.add(fact(1, 2567, "OIT", 88.00));
        facts.add(fact(1, 2566, "ind10", 97.00));
        facts.add(fact(1, 2567, "ind10", 95.00));
        facts.add(fact(2, 2568, "total", 90.00));
        facts.add(fact(3, 2568, "total", 90.00));
        facts.add(fact(4, 2568, "total", 80.00));
        facts.add(fact(2, 2567, "total", 92.00));
        for (long organization = 2; organization <= 4; organization++) {
            facts.add(fact(organization, 2568, "ind10", 100.00));
        }
        return Seed002.table(organizations, facts);
    }

    @Test
    void followsATotalOverTheYearsWithItsSlopeAndTheBreakOf2567() {
        TrendOf.Trend trend = TrendOf.of(table(), 0, "total");

        assertThat(trend.points()).extracting(TrendOf.Point::year, TrendOf.Point::value, TrendOf.Point::change, TrendOf.Point::methodologyBreak)
                .containsExactly(tuple(2565, 80.0, null, false), tuple(2566, 85.0, 5.0, true), tuple(2567, 90.0, 5.0, true), tuple(2568, 95.41, 5.41, true));
        // Least squares over (2565, 80), (2566, 85), (2567, 90), (2568, 95.41): slope 5.123 a year.
        assertThat(trend.slope()).isEqualTo(5.12);
        assertThat(trend.slopeStandardError()).isGreaterThan(0).isLessThan(0.3);
        assertThat(trend.significant()).isTrue();
    }

    @Test
    void splitsTheChangeOfTheTotalByToolWeights() {
        TrendOf.Point point2568 = TrendOf.of(table(), 0, "total").points().get(3);

        // IIT 95 → 98.29, EIT 88 → 93.07, OIT 88 → 95: 0.3·3.29 + 0.3·5.07 + 0.4·7 = 5.31 (the published total moved 5.41).
        assertThat(point2568.contributions()).extracting(TrendOf.Contribution::tool, TrendOf.Contribution::pointsOfTotal)
                .containsExactly(tuple("IIT", 0.99), tuple("EIT", 1.52), tuple("OIT", 2.8));
        // 2567's published total (90.00) is not 0.3·95 + 0.3·88 + 0.4·88 = 90.10: the tools leave 0.10 unexplained.
        assertThat(point2568.residual()).isEqualTo(0.1);
    }

    @Test
    void roundsEachContributionOnceOnTheExactChangeAndMakesThemAddUpToTheShownChange() {
        // IIT 93.06 → 95.41 is +2.35 exactly, 0.3·2.35 = 0.705 (in doubles 2.3499…, 0.7049… → 0.70).
        List<ScoreFact> facts = new ArrayList<>();
        double[][] tools = {{93.06, 90.00, 90.00}, {95.41, 90.00, 90.01}};
        for (int step = 0; step < 2; step++) {
            int year = 2567 + step;
            double total = th.ita.core.score.Scores.round(0.3 * tools[step][0] + 0.3 * tools[step][1] + 0.4 * tools[step][2]);
            facts.add(fact(1, year, "IIT", tools[step][0]));
            facts.add(fact(1, year, "EIT", tools[step][1]));
            facts.add(fact(1, year, "OIT", tools[step][2]));
            facts.add(new ScoreFact(1, year, "total", total, Provenance.DERIVED));
        }
        // Totals: 0.3·93.06 + 0.3·90 + 0.4·90 = 90.918 → 90.92; 0.3·95.41 + 0.3·90 + 0.4·90.01 = 91.627 → 91.63. Change 0.71.
        TrendOf.Point point = TrendOf.of(Seed002.table(organizations, facts), 0, "total").points().get(1);

        assertThat(point.change()).isEqualTo(0.71);
        // Exact parts 0.705 + 0 + 0.004: by largest remainder 0.71 + 0 + 0.00, which add up to the shown change.
        assertThat(point.contributions()).extracting(TrendOf.Contribution::tool, TrendOf.Contribution::toolChange, TrendOf.Contribution::pointsOfTotal)
                .containsExactly(tuple("IIT", 2.35, 0.71), tuple("EIT", 0.0, 0.0), tuple("OIT", 0.01, 0.0));
        assertThat(point.residual()).isZero();
    }

    @Test
    void roundsTheSlopeOnceOnTheExactValues() {
        // (2566, 71.92), (2567, 97.31), (2568, 90.01): the slope is 9.045 exactly → 9.05 (least squares in doubles: 9.04499…).
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2566, "total", 71.92), fact(1, 2567, "total", 97.31), fact(1, 2568, "total", 90.01)));

        assertThat(TrendOf.of(table, 0, "total").slope()).isEqualTo(9.05);
    }

    @Test
    void givesNoSlopeForFewerThanThreeYears() {
        TrendOf.Trend trend = TrendOf.of(table(), 1, "total");

        assertThat(trend.points()).hasSize(2);
        assertThat(trend.slope()).isNull();
        assertThat(trend.significant()).isFalse();
    }

    @Test
    void findsSeed002sWeaknessesAsTheReportDoes() {
        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table(), 0, 2568, new FindWeaknesses.Peers("province", new int[] {0, 1, 2, 3}));

        // Strengths are "มากกว่า 90": nine indicators; ind10 at exactly 90.00 is not one. No strength is a weakness,
        // so ind4 (95.62) and ind8 (92.14), the lowest of their tools, are not listed as weak.
        assertThat(result.strengths()).extracting(FindWeaknesses.Strength::indicator).hasSize(9).doesNotContain("ind10");
        assertThat(result.weaknesses()).extracting(FindWeaknesses.Weakness::indicator, FindWeaknesses.Weakness::severity)
                .containsExactly(tuple("ind10", FindWeaknesses.Severity.LOW));
        FindWeaknesses.Weakness ind10 = result.weaknesses().stream().filter(w -> w.indicator().equals("ind10")).findFirst().orElseThrow();
        // ind10 fell 97 → 95 → 90 and is 10 points below its peers' median of 100.
        assertThat(ind10.reasons()).containsExactly(FindWeaknesses.Reason.LOWEST_OF_TOOL, FindWeaknesses.Reason.BELOW_PEER_MEDIAN, FindWeaknesses.Reason.FALLING);
        assertThat(ind10.peerMedian()).isEqualTo(100.0);
        assertThat(ind10.draggingItems()).extracting(FindWeaknesses.DraggingItem::item, FindWeaknesses.DraggingItem::score)
                .containsExactly(tuple("o27", 50.0));
    }

    @Test
    void findsNoLowestInAToolWhoseIndicatorsTie() {
        // OIT ind9 = ind10 = 80.00: both below 85, neither is "the lowest"; EIT ind6 = ind7 = 80 below ind8 88: both lowest.
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2568, "ind9", 80), fact(1, 2568, "ind10", 80),
                fact(1, 2568, "ind6", 80), fact(1, 2568, "ind7", 80), fact(1, 2568, "ind8", 88)));

        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table, 0, 2568, new FindWeaknesses.Peers("alone", new int[] {0}));

        assertThat(result.weaknesses()).extracting(FindWeaknesses.Weakness::indicator, FindWeaknesses.Weakness::reasons).containsExactlyInAnyOrder(
                tuple("ind9", List.of(FindWeaknesses.Reason.BELOW_THRESHOLD)), tuple("ind10", List.of(FindWeaknesses.Reason.BELOW_THRESHOLD)),
                tuple("ind6", List.of(FindWeaknesses.Reason.BELOW_THRESHOLD, FindWeaknesses.Reason.LOWEST_OF_TOOL)),
                tuple("ind7", List.of(FindWeaknesses.Reason.BELOW_THRESHOLD, FindWeaknesses.Reason.LOWEST_OF_TOOL)));
    }

    @Test
    void neverCallsTheOneKnownIndicatorOfAToolItsLowestNorAStrengthAWeakness() {
        // The seed-003 case: the report gives one indicator of IIT (99.77) and of EIT (100.00) and both OIT ones;
        // it names ind9 as the weakness. The two best are not "lowest of their tool".
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2568, "ind3", 99.77), fact(1, 2568, "ind8", 100.00),
                fact(1, 2568, "ind9", 82.50), fact(1, 2568, "ind10", 100.00), fact(1, 2568, "ind6", 88.00)));

        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table, 0, 2568, new FindWeaknesses.Peers("alone", new int[] {0}));

        assertThat(result.weaknesses()).extracting(FindWeaknesses.Weakness::indicator, FindWeaknesses.Weakness::reasons).containsExactly(
                tuple("ind9", List.of(FindWeaknesses.Reason.BELOW_THRESHOLD, FindWeaknesses.Reason.LOWEST_OF_TOOL)),
                tuple("ind6", List.of(FindWeaknesses.Reason.LOWEST_OF_TOOL)));
        assertThat(result.strengths()).extracting(FindWeaknesses.Strength::indicator).containsExactlyInAnyOrder("ind3", "ind8", "ind10");
    }

    @Test
    void countsAStrengthOnlyAbove90() {
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2568, "ind9", 90.00), fact(1, 2568, "ind10", 90.01)));

        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table, 0, 2568, new FindWeaknesses.Peers("alone", new int[] {0}));

        assertThat(result.strengths()).extracting(FindWeaknesses.Strength::indicator).containsExactly("ind10");
    }

    @Test
    void showsThePeerMedianRoundedHalfUpFromItsExactValue() {
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2568, "ind6", 80.00), fact(2, 2568, "ind6", 92.04),
                fact(3, 2568, "ind6", 92.05), fact(4, 2568, "ind6", 99.00)));

        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table, 0, 2568, new FindWeaknesses.Peers("province", new int[] {0, 1, 2, 3}));

        // The median of {80, 92.04, 92.05, 99} is 92.045, shown 92.05.
        assertThat(result.weaknesses()).singleElement().satisfies(w -> {
            assertThat(w.peerMedian()).isEqualTo(92.05);
            assertThat(w.reasons()).contains(FindWeaknesses.Reason.BELOW_PEER_MEDIAN);
        });
    }

    @Test
    void ratesAnIndicatorFarBelowTheTargetAsSevere() {
        // Seed 004 (2564): an EIT indicator at 62.56.
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2564, "ind7", 62.56), fact(1, 2564, "ind6", 80)));

        FindWeaknesses.Result result = new FindWeaknesses(FindWeaknesses.Settings.DEFAULT).find(table, 0, 2564, new FindWeaknesses.Peers("alone", new int[] {0}));

        assertThat(result.weaknesses()).extracting(FindWeaknesses.Weakness::indicator, FindWeaknesses.Weakness::severity)
                .containsExactly(tuple("ind7", FindWeaknesses.Severity.HIGH), tuple("ind6", FindWeaknesses.Severity.MEDIUM));
    }

    @Test
    void showsWhatSeed002NeedsForAnExcellentPass() {
        NextLevel.Result result = NextLevel.of(table(), 0, 2568).orElseThrow();

        assertThat(result.current().level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(result.next()).hasValueSatisfying(next -> {
            assertThat(next.nameTh()).isEqualTo("ผ่านดีเยี่ยม");
            assertThat(next.pointsOnTotal()).isZero();
            assertThat(next.tools()).extracting(NextLevel.ToolGap::tool, NextLevel.ToolGap::needed).containsExactly(tuple("EIT", 1.93));
        });
        // Only EIT blocks ผ่านดีเยี่ยม, so its indicators lead, the one with most room first; then OIT indicators
        // move the total 0.20 a point, IIT 0.06; ind9 is at 100 already.
        assertThat(result.levers()).extracting(NextLevel.Lever::indicator, NextLevel.Lever::totalPerPoint).startsWith(
                tuple("ind8", 0.1), tuple("ind7", 0.1), tuple("ind6", 0.1), tuple("ind10", 0.2), tuple("ind4", 0.06));
    }

    @Test
    void summarizesAGroupAsExcelWould() {
        SummarizeGroup.Summary summary = SummarizeGroup.of(table(), 2568, "total", new int[] {0, 1, 2, 3});

        // {95.41, 90, 90, 80}: AVERAGE 88.85, MEDIAN 90, QUARTILE.INC 87.5 / 91.35, STDEV.S 6.43.
        assertThat(summary.count()).isEqualTo(4);
        assertThat(summary.mean()).isEqualTo(88.85);
        assertThat(summary.median()).isEqualTo(90.0);
        assertThat(summary.firstQuartile()).isEqualTo(87.5);
        assertThat(summary.thirdQuartile()).isEqualTo(91.35);
        assertThat(summary.standardDeviation()).isEqualTo(6.43);
        assertThat(summary.min()).isEqualTo(80.0);
        assertThat(summary.max()).isEqualTo(95.41);
        assertThat(summary.shareAtLeast85()).isEqualTo(75.0);
        assertThat(summary.levels()).containsEntry("GOOD", 1).containsEntry("PASS", 2).containsEntry("IMPROVE", 1).containsEntry("EXCELLENT", 0);
    }

    @Test
    void summarizesAnEmptyGroupWithoutNumbers() {
        SummarizeGroup.Summary summary = SummarizeGroup.of(table(), 2561, "total", new int[] {0, 1});

        assertThat(summary.count()).isZero();
        assertThat(summary.mean()).isNull();
    }

    @Test
    void listsTheBiggestRisersAndFallers() {
        Movers.Result movers = Movers.of(table(), 2568, "total", new int[] {0, 1, 2, 3}, 5);

        // Named by the organizations themselves (ids 1 and 2), not by their positions in the table.
        assertThat(movers.risers()).extracting(m -> m.organization().id(), m -> m.organization().nameTh(), Movers.Move::change, Movers.Move::direction)
                .containsExactly(tuple(1L, "ม่วงยาย", 5.41, Movers.Direction.RISER));
        assertThat(movers.fallers()).extracting(m -> m.organization().id(), m -> m.organization().nameTh(), Movers.Move::change, Movers.Move::direction)
                .containsExactly(tuple(2L, "ท่าข้าม", -2.0, Movers.Direction.FALLER));
        assertThat(movers.methodologyBreak()).isTrue();
    }

    /** ทต.กระสัง (2564) as its own report has it: total 95 and AA published, tools giving 88.87 and A; with three peers. */
    private List<ScoreFact> krasang() {
        List<ScoreFact> facts = new ArrayList<>();
        facts.add(fact(1, 2564, "total", 95.00));
        facts.add(new ScoreFact(1, 2564, "total", 88.87, Provenance.DERIVED));
        facts.add(fact(1, 2564, th.ita.core.framework.Metric.REPORTED_LEVEL, 1));
        facts.add(fact(1, 2564, "IIT", 90.00));
        facts.add(fact(1, 2564, "EIT", 88.90));
        facts.add(fact(1, 2564, "OIT", 88.00));
        facts.add(fact(2, 2564, "total", 92.00));
        facts.add(fact(3, 2564, "total", 90.00));
        facts.add(fact(4, 2564, "total", 80.00));
        return facts;
    }

    @Test
    void ranksAndSummarizesOnThePublishedFiguresByDefaultAndKeepsTheDerivedBeside() {
        ScoreTable table = Seed002.table(organizations, krasang());

        assertThat(table.basis()).isEqualTo(ScoreTable.Basis.REPORTED);
        assertThat(table.value(2564, "total", 0)).isEqualTo(95.0);
        assertThat(table.otherValue(2564, "total", 0)).isEqualTo(88.87);
        SummarizeGroup.Summary summary = SummarizeGroup.of(table, 2564, "total", new int[] {0, 1, 2, 3});
        assertThat(summary.basis()).isEqualTo("REPORTED");
        assertThat(summary.levels()).containsEntry("AA", 1).containsEntry("A", 2);
    }

    @Test
    void ranksAndSummarizesOnTheDerivedFiguresWhenTheTenantChoosesThem() {
        ScoreTable table = ScoreTable.builder(organizations, th.ita.core.framework.Frameworks.bundled(), ScoreTable.Basis.DERIVED).add(krasang()).build();

        assertThat(table.value(2564, "total", 0)).isEqualTo(88.87);
        assertThat(table.otherValue(2564, "total", 0)).isEqualTo(95.0);
        SummarizeGroup.Summary summary = SummarizeGroup.of(table, 2564, "total", new int[] {0, 1, 2, 3});
        assertThat(summary.levels()).containsEntry("AA", 0).containsEntry("A", 3);
    }

    @Test
    void answersANextLevelBelowTheTopEvenWhenThePublishedLevelIsTheTop() {
        NextLevel.Result result = NextLevel.of(Seed002.table(organizations, krasang()), 0, 2564).orElseThrow();

        assertThat(result.current().level().code()).isEqualTo("AA");
        assertThat(result.figuresLevel()).hasValueSatisfying(level -> assertThat(level.level().code()).isEqualTo("A"));
        // From the figures' A (88.87) to AA: 6.13 points.
        assertThat(result.next()).hasValueSatisfying(next -> {
            assertThat(next.level()).isEqualTo("AA");
            assertThat(next.pointsOnTotal()).isEqualTo(6.13);
        });
    }

    @Test
    void keepsAPublishedLevelForATotalWithoutTools() {
        // Seed 002 as NACC publishes it: 95.41, ผ่านดี; no tools, so the rules alone would say ผ่าน.
        ScoreTable table = Seed002.table(organizations, List.of(fact(1, 2568, "total", 95.41), fact(1, 2568, th.ita.core.framework.Metric.REPORTED_LEVEL, 2),
                fact(1, 2568, th.ita.core.framework.Metric.REPORTED_RANK, 50)));

        assertThat(table.level(2568, 0).orElseThrow().level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(table.reportedRank(2568, 0)).hasValue(50);
        assertThat(NextLevel.of(table, 0, 2568).orElseThrow().next()).hasValueSatisfying(next -> assertThat(next.nameTh()).isEqualTo("ผ่านดีเยี่ยม"));
    }
}
