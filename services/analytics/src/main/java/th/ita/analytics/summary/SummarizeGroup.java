package th.ita.analytics.summary;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelRule;
import th.ita.core.score.Scores;

/**
 * Descriptive statistics of a group on one metric in one year (use case), computed so that users can
 * check them in Excel: quartiles and median as QUARTILE.INC / MEDIAN (the R-7 estimate) and the mean, on
 * the exact decimal values rounded once half up,
 * standard deviation as STDEV.S (sample). On the total, the level distribution by the year's scheme.
 */
public final class SummarizeGroup {
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");

    private SummarizeGroup() {
    }

    /**
     * Null statistics when the group has no value. {@code levels}: level code → count, total only.
     * {@code basis}: which figures were summarized where reported and derived differ (see {@link ScoreTable.Basis}):
     * on REPORTED the published totals and levels, on DERIVED those the figures below them give.
     */
    public record Summary(String metric, int year, int count, Double mean, Double median, Double firstQuartile, Double thirdQuartile,
                          Double min, Double max, Double standardDeviation, Double shareAtLeast85, Map<String, Integer> levels, String basis) {
    }

    public static Summary of(ScoreTable table, int year, String metric, int[] members) {
        double[] column = table.column(year, metric).orElse(new double[0]);
        double[] values = Arrays.stream(members).filter(i -> i < column.length).mapToDouble(i -> column[i]).filter(v -> !Double.isNaN(v)).toArray();
        Map<String, Integer> levels = new LinkedHashMap<>();
        Framework framework = table.framework(year).orElse(null);
        if (metric.equals("total") && framework != null) {
            for (LevelRule level : framework.levelScheme().levels()) {
                levels.put(level.code(), 0);
            }
            for (int member : members) {
                double total = member < column.length ? column[member] : Double.NaN;
                if (!Double.isNaN(total)) {
                    table.level(year, member).ifPresent(level -> levels.merge(level.level().code(), 1, Integer::sum));
                }
            }
        }
        if (values.length == 0) {
            return new Summary(metric, year, 0, null, null, null, null, null, null, null, null, levels, table.basis().name());
        }
        DescriptiveStatistics statistics = new DescriptiveStatistics(values);
        BigDecimal[] exact = ExactStatistics.sorted(values);
        long atLeast85 = Arrays.stream(values).filter(v -> Scores.atLeast(v, 85)).count();
        return new Summary(metric, year, values.length, Scores.round(ExactStatistics.mean(exact)), Scores.round(ExactStatistics.median(exact)),
                Scores.round(ExactStatistics.quantile(exact, QUARTER)), Scores.round(ExactStatistics.quantile(exact, THREE_QUARTERS)),
                statistics.getMin(), statistics.getMax(),
                values.length > 1 ? Scores.round(statistics.getStandardDeviation()) : null,
                Scores.round(100.0 * atLeast85 / values.length), levels, table.basis().name());
    }
}
