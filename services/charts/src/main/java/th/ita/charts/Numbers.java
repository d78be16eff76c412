package th.ita.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers and years as the chosen digits write them: Arabic (95.41) or Thai (๙๕.๔๑). */
final class Numbers {
    private Numbers() {
    }

    static NumberFormat format(ChartOptions.Digits digits, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (digits == ChartOptions.Digits.THAI) {
            symbols.setZeroDigit('๐');
        }
        return new DecimalFormat(pattern, symbols);
    }

    /** A score or statistic as the reports write it: rounded once, half up, to two decimals (87.125 → 87.13). */
    static String score(ChartOptions options, double value) {
        return format(options.digits(), "0.00").format(twoDecimals(value));
    }

    /**
     * A statistic (a median, a quartile) rounded once, half up, on its exact value. Scores have two decimals, so a
     * median or an R-7 quartile of them has at most four; the double arithmetic that computed it can leave
     * 87.12499999… for 87.125, so the value is first brought back to six decimals, then rounded half up.
     */
    static Double twoDecimals(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return value;
        }
        return java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    static String integer(ChartOptions options, long value) {
        return format(options.digits(), "0").format(value);
    }

    /** Score ticks every 10, 5, 2 or 1 points, so that a fitted axis keeps few, round ticks. */
    static org.jfree.chart.axis.NumberTickUnit scoreTicks(double lower, double upper) {
        double span = upper - lower;
        return new org.jfree.chart.axis.NumberTickUnit(span > 40 ? 10 : span > 16 ? 5 : span > 6 ? 2 : 1);
    }

    /** The median of values (the mean of the middle two for an even count), or null for none. */
    static Double median(java.util.List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A text's Arabic digits in the chosen digits. */
    static String digits(ChartOptions options, String text) {
        if (options.digits() == ChartOptions.Digits.ARABIC) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            result.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
        }
        return result.toString();
    }
}
