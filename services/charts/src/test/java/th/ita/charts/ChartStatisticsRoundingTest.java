package th.ita.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chart's statistics are rounded once, half up, on their exact values — as the reports and Excel show them. */
class ChartStatisticsRoundingTest {
    private static final ChartOptions ARABIC = new ChartOptions(1200, 800, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);

    @Test
    void writesAMedianHalfWayBetweenHundredthsUpNotToTheEvenHundredth() {
        assertThat(Numbers.score(ARABIC, 87.125)).isEqualTo("87.13");
        assertThat(Numbers.score(ARABIC, 92.045)).isEqualTo("92.05");
        // The double arithmetic of a quartile leaves 87.1174999… for 87.1175.
        assertThat(Numbers.twoDecimals(87.11749999999999)).isEqualTo(87.12);
        assertThat(Numbers.twoDecimals(87.12499999999999)).isEqualTo(87.13);
    }

    @Test
    void givesTheDataRowsOfADistributionItsMedianRoundedOnce() {
        var box = new ChartData.Distribution.Box(ChartData.Label.of("เชียงราย", "Chiang Rai"), List.of(87.12, 87.13, 80.0, 95.0), null);
        var distribution = new ChartData.Distribution(Fixtures.CAPTION, ChartData.Label.of("คะแนนรวม", "Total"), null, List.of(box));

        assertThat(distribution.rows()).singleElement().satisfies(row -> assertThat(row.get(2)).isEqualTo(87.13));
    }

    @Test
    void givesTheDataRowsOfATrendItsPeerMedianRoundedOnce() {
        var series = new ChartData.Trend.Series("total", ChartData.Label.of("คะแนนรวม", "Total"), Map.of(2568, 95.41), Map.of(2568, (87.12 + 87.13) / 2));
        var trend = new ChartData.Trend(Fixtures.CAPTION, Fixtures.MUANG_YAI, ChartData.Label.of("อปท.", "LAOs"), List.of(series), List.of());

        assertThat(trend.rows()).singleElement().satisfies(row -> assertThat(row.get(3)).isEqualTo(87.13));
    }

    @Test
    void givesTheDataRowsOfAProfileItsQuartilesRoundedOnce() {
        var indicator = new ChartData.Profile.Indicator("ind1", ChartData.Label.of("การปฏิบัติหน้าที่", "Performance of duties"), 98.67,
                new ChartData.Spread(4, null, 87.11749999999999, 87.125, 90.0049999999, null));
        var profile = new ChartData.Profile(Fixtures.CAPTION, Fixtures.MUANG_YAI, ChartData.Label.of("อปท.", "LAOs"), List.of(indicator));

        assertThat(profile.rows()).singleElement().satisfies(row -> assertThat(row.subList(6, 9)).containsExactly(87.12, 87.13, 90.01));
    }
}
