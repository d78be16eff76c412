package th.ita.analytics.summary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import th.ita.core.score.Scores;

/**
 * Mean, median and quartiles on the decimal values of scores, so that rounding happens once, at the
 * end, as Excel's displayed figures do: the median of 92.04 and 92.05 is 92.045 exactly and shows as
 * 92.05, where the same arithmetic in doubles gives 92.04499… and shows 92.04.
 */
public final class ExactStatistics {
    private ExactStatistics() {
    }

    /** The values as exact decimals, ascending. */
    public static BigDecimal[] sorted(double[] values) {
        BigDecimal[] exact = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            exact[i] = Scores.exact(values[i]);
        }
        Arrays.sort(exact);
        return exact;
    }

    /** Excel AVERAGE, exact to 34 significant digits. */
    public static BigDecimal mean(BigDecimal[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128);
    }

    /** Excel MEDIAN. */
    public static BigDecimal median(BigDecimal[] ascending) {
        return quantile(ascending, new BigDecimal("0.5"));
    }

    /** Excel PERCENTILE.INC / QUARTILE.INC (the R-7 estimate): interpolates at (n − 1)·p. */
    public static BigDecimal quantile(BigDecimal[] ascending, BigDecimal p) {
        if (ascending.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        BigDecimal position = p.multiply(BigDecimal.valueOf(ascending.length - 1L));
        int lower = position.intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        if (lower + 1 >= ascending.length || fraction.signum() == 0) {
            return ascending[lower];
        }
        return ascending[lower].add(fraction.multiply(ascending[lower + 1].subtract(ascending[lower])));
    }
}
