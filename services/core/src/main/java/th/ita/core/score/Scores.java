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
        // A figure of two decimals or fewer (nearly every score) is its own rounding: no decimal needed.
        if (hundredths(value) != NOT_HUNDREDTHS) {
            return value == 0 ? 0.0 : value;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@link #hundredths}: not a figure of at most two decimals. */
    private static final long NOT_HUNDREDTHS = Long.MIN_VALUE;
    /** Below this magnitude Double.toString writes plain decimals and hundredths are exact integers in a double. */
    private static final double PLAIN = 1e7;

    /**
     * The value in hundredths when it is exactly the double that a decimal of at most two places parses
     * to (95.41, 85.5, 100), else {@link #NOT_HUNDREDTHS}. Such a decimal is then the shortest that reads
     * back as the value — what {@link BigDecimal#valueOf(double)} gives — since two such decimals are
     * 0.01 apart, far more than a double's spacing here.
     */
    private static long hundredths(double value) {
        if (!(Math.abs(value) < PLAIN)) {
            return NOT_HUNDREDTHS;
        }
        long hundredths = Math.round(value * 100);
        return hundredths / 100.0 == value ? hundredths : NOT_HUNDREDTHS;
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
        long hundredths = hundredths(value);
        if (hundredths == NOT_HUNDREDTHS || Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0)) {
            return BigDecimal.valueOf(value);
        }
        // The same value and scale as BigDecimal.valueOf(value), without printing the double: "95.41" has
        // scale 2, "85.5" and "85.0" scale 1 (Double.toString writes at least one decimal).
        return hundredths % 10 != 0 ? BigDecimal.valueOf(hundredths, 2) : BigDecimal.valueOf(hundredths / 10, 1);
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
        long first = hundredths(a);
        long second = hundredths(b);
        if (first != NOT_HUNDREDTHS && second != NOT_HUNDREDTHS) {
            // Exact in hundredths; the division gives the double nearest the decimal, as doubleValue() does.
            return (first - second) / 100.0;
        }
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
