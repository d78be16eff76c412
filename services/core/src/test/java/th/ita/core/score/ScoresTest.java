package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published scores are rounded half up at two decimals: a .xx5 goes up even where half-even would keep it. */
class ScoresTest {

    @Test
    void roundsAHalfHundredthUpEvenWhenTheDigitBeforeItIsEven() {
        // Half-even would give 95.40, 0.12, 84.98 and 90.04: the digit before the 5 is even in each.
        assertThat(Scores.round(95.405)).isEqualTo(95.41);
        assertThat(Scores.round(0.125)).isEqualTo(0.13);
        assertThat(Scores.round(84.985)).isEqualTo(84.99);
        assertThat(Scores.round(90.045)).isEqualTo(90.05);
    }

    @Test
    void roundsOnTheDecimalValueNotOnItsBinaryApproximation() {
        // 1.005 is 1.00499999999999989… in binary; rounding that would give 1.00.
        assertThat(Scores.round(1.005)).isEqualTo(1.01);
        assertThat(Scores.round(2.675)).isEqualTo(2.68);
    }

    @Test
    void printsScoresWithTwoDecimalsRoundedHalfUp() {
        assertThat(Scores.format(95.405)).isEqualTo("95.41");
        assertThat(Scores.format(84.985)).isEqualTo("84.99");
        assertThat(Scores.format(83.2)).isEqualTo("83.20");
        assertThat(Scores.formatThreshold(85)).isEqualTo("85");
        assertThat(Scores.formatThreshold(94.99)).isEqualTo("94.99");
    }

    @Test
    void reachesAThresholdWhenTheScoreRoundsUpToIt() {
        assertThat(Scores.atLeast(84.995, 85)).isTrue();
        assertThat(Scores.atLeast(84.994, 85)).isFalse();
        assertThat(Scores.atLeast(94.985, 94.99)).isTrue();
    }
}
