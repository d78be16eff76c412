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

    /** Values as scores are (two decimals, some one or none), sums of them, and arbitrary doubles. */
    private static double[] values() {
        java.util.Random random = new java.util.Random(14);
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 5) {
                case 0 -> random.nextInt(10_001) / 100.0;
                case 1 -> (random.nextInt(2_000_001) - 1_000_000) / 100.0;
                case 2 -> random.nextInt(1_001) / 10.0;
                case 3 -> random.nextInt(1_000) / 100.0 + random.nextInt(1_000) / 100.0;
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16) - 4);
            };
        }
        return values;
    }

    @Test
    void takesTheFastPathToTheSameResultsAsDecimalArithmetic() {
        double[] values = values();
        double[] edges = {0.0, -0.0, 100.0, 95.405, 1.005, 2.675, 9_999_999.99, 1e7, 12_345_678.9, Double.MIN_VALUE, 1e-300, -84.985};
        for (double[] set : new double[][] {values, edges}) {
            for (int i = 0; i < set.length; i++) {
                double value = set[i];
                java.math.BigDecimal decimal = java.math.BigDecimal.valueOf(value);
                assertThat(Scores.exact(value)).as("exact(%s)", value).isEqualTo(decimal);
                assertThat(Double.doubleToLongBits(Scores.round(value))).as("round(%s)", value)
                        .isEqualTo(Double.doubleToLongBits(decimal.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue()));
                double other = set[(i * 7 + 3) % set.length];
                assertThat(Double.doubleToLongBits(Scores.difference(value, other))).as("difference(%s, %s)", value, other)
                        .isEqualTo(Double.doubleToLongBits(decimal.subtract(java.math.BigDecimal.valueOf(other)).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue()));
            }
        }
    }
}
