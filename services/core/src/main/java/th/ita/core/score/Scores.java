package th.ita.core.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Score arithmetic as ITA publishes it: 0–100, two decimals, rounded half up. */
public final class Scores {
    public static final double MIN = 0;
    public static final double MAX = 100;
    /** Reported and derived values closer than this are the same figure (rounding of published numbers). */
    public static final double TOLERANCE = 0.01;

    private Scores() {
    }

    /** Half-up rounding to two decimals on the decimal value (95.405 → 95.41), not on its binary approximation. */
    public static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Whether a score reaches a threshold, comparing at two decimals: 84.995 rounds to 85.00 and reaches 85. */
    public static boolean atLeast(double score, double threshold) {
        return Math.round(round(score) * 100) >= Math.round(threshold * 100);
    }

    /**
     * The decimal value of a score as it was written (95.41, not 95.4099999…): the shortest decimal that
     * reads back as the same double. Arithmetic on these is exact, so it can be rounded once at the end.
     */
    public static BigDecimal exact(double value) {
        return BigDecimal.valueOf(value);
    }

    /**
     * The value as a whole number of hundredths when it is one from 0 to 10,000.00 (95.41 → 9541: the double
     * nearest that decimal, whose {@link #exact} decimal is it), else −1.
     */
    public static long wholeHundredths(double value) {
        if (!(value >= 0 && value <= 10_000)) {
            return -1;
        }
        long hundredths = Math.round(value * 100);
        return hundredths / 100.0 == value ? hundredths : -1;
    }

    /** Half-up rounding to two decimals of an exact value. */
    public static double round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code a − b} on the decimal values, rounded once: 93.07 − 92.045 = 1.025 → 1.03 (in doubles it is 1.02499…). */
    public static double difference(double a, double b) {
        return round(exact(a).subtract(exact(b)));
    }

    /** Whether a score is above a threshold, comparing at two decimals: "มากกว่า 90" — 90.00 is not above 90. */
    public static boolean above(double score, double threshold) {
        return Math.round(round(score) * 100) > Math.round(threshold * 100);
    }

    public static boolean inRange(double value) {
        return value >= MIN && value <= MAX;
    }

    /** Whether two figures differ by more than the rounding of published numbers explains. */
    public static boolean differ(double reported, double derived) {
        return Math.abs(reported - derived) > TOLERANCE + 1e-9;
    }

    public static String format(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Thresholds print as users write them: 85, 94.99. */
    public static String formatThreshold(double threshold) {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }
}
