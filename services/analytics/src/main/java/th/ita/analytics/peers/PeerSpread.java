package th.ita.analytics.peers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import th.ita.analytics.table.ScoreTable;

/**
 * How a peer group's scores on one metric spread in one year (use case): the count, the extremes, and
 * the median and quartiles as Excel computes MEDIAN and QUARTILE.INC (Commons Math's R-7 estimate), so
 * a user can check a chart's median against a spreadsheet. Members without a value are left out.
 */
public final class PeerSpread {
    private PeerSpread() {
    }

    /** The spread of {@code count} values; the statistics are not rounded (a chart places them). */
    public record Spread(int count, double min, double firstQuartile, double median, double thirdQuartile, double max) {
        public Spread {
            if (count < 1) {
                throw new IllegalArgumentException("a spread needs at least one value, not " + count);
            }
            if (!(min <= firstQuartile && firstQuartile <= median && median <= thirdQuartile && thirdQuartile <= max)) {
                throw new IllegalArgumentException("spread out of order: " + min + ", " + firstQuartile + ", " + median + ", " + thirdQuartile + ", " + max);
            }
        }
    }

    /** The spread of the members' values on a metric in a year; empty when none of them has a value. */
    public static Optional<Spread> of(ScoreTable table, int year, String metric, int[] members) {
        double[] column = table.column(year, metric).orElse(null);
        if (column == null) {
            return Optional.empty();
        }
        return of(Arrays.stream(members).mapToDouble(member -> column[member]).filter(value -> !Double.isNaN(value)).toArray());
    }

    /** The spread of plain values (NaN not allowed); empty for no values. */
    public static Optional<Spread> of(double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("NaN among the values of a spread");
        }
        Percentile excel = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        excel.setData(sorted);
        return Optional.of(new Spread(sorted.length, sorted[0], excel.evaluate(25), excel.evaluate(50), excel.evaluate(75), sorted[sorted.length - 1]));
    }

    /** The members' median of each metric in every year of the table that has values, oldest year first. */
    public static Map<Integer, Double> medianByYear(ScoreTable table, String metric, int[] members) {
        Map<Integer, Double> medians = new LinkedHashMap<>();
        for (int year : table.years()) {
            of(table, year, metric, members).ifPresent(spread -> medians.put(year, spread.median()));
        }
        return medians;
    }

    /** The spread of each metric among the members in a year, in the metrics' order; a metric without values maps to empty. */
    public static Map<String, Optional<Spread>> ofEach(ScoreTable table, int year, List<String> metrics, int[] members) {
        Map<String, Optional<Spread>> spreads = new LinkedHashMap<>();
        for (String metric : metrics) {
            spreads.put(metric, of(table, year, metric, members));
        }
        return spreads;
    }
}
