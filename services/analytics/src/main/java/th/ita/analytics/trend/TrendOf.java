package th.ita.analytics.trend;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.score.Scores;

/**
 * The trend of one organization on one metric over the years (use case).
 * <ul>
 *   <li><b>change</b>: this year's value − the previous year's (null when either is missing or the years are not consecutive).</li>
 *   <li><b>slope</b>: least-squares points per year over every year with a value, with its standard error;
 *       <b>significant</b> when the two-sided p-value of the slope is below 0.05 (needs three years or more).</li>
 *   <li><b>methodology break</b>: the year's framework changed how ITA is measured (new levels, new items);
 *       a change across a break may be the rule, not progress.</li>
 *   <li><b>contributions</b> (total only): the change of the total split by tool, weight × change of the tool.</li>
 * </ul>
 */
public final class TrendOf {
    public static final double SIGNIFICANCE = 0.05;

    private TrendOf() {
    }

    /** One year of the series. */
    public record Point(int year, double value, Double change, boolean methodologyBreak, List<String> breakNotes,
                        List<Contribution> contributions) {
    }

    /** How much a tool moved the total: weight × its change. */
    public record Contribution(String tool, double weight, double toolChange, double pointsOfTotal) {
    }

    /** The series and its fitted line; slope, error and p-value are null with fewer than three points. */
    public record Trend(String metric, List<Point> points, Double slope, Double slopeStandardError, Double pValue, boolean significant) {
    }

    public static Trend of(ScoreTable table, int organization, String metric) {
        List<Point> points = new ArrayList<>();
        SimpleRegression regression = new SimpleRegression();
        Point previous = null;
        for (int year : table.years()) {
            double value = table.value(year, metric, organization);
            if (Double.isNaN(value)) {
                continue;
            }
            Framework framework = table.framework(year).orElseThrow();
            Double change = previous != null && previous.year() == year - 1 ? Scores.round(value - previous.value()) : null;
            List<Contribution> contributions = new ArrayList<>();
            if (change != null && metric.equals(Metric.TOTAL)) {
                for (Tool tool : framework.tools()) {
                    double now = table.value(year, tool.code(), organization);
                    double before = table.value(year - 1, tool.code(), organization);
                    if (!Double.isNaN(now) && !Double.isNaN(before)) {
                        contributions.add(new Contribution(tool.code(), tool.weight(), Scores.round(now - before), Scores.round(tool.weight() * (now - before))));
                    }
                }
            }
            boolean methodologyBreak = previous != null && !framework.methodologyChanges().isEmpty();
            List<String> notes = methodologyBreak ? framework.methodologyChanges().stream().map(c -> c.th() + " / " + c.en()).toList() : List.of();
            Point point = new Point(year, value, change, methodologyBreak, notes, contributions);
            points.add(point);
            regression.addData(year, value);
            previous = point;
        }
        if (points.size() < 3) {
            return new Trend(metric, points, null, null, null, false);
        }
        double pValue = regression.getSignificance();
        Double p = Double.isNaN(pValue) ? null : pValue;
        return new Trend(metric, points, Scores.round(regression.getSlope()), round4(regression.getSlopeStdErr()), p == null ? null : round4(p),
                p != null && p < SIGNIFICANCE);
    }

    private static double round4(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10_000) / 10_000.0;
    }
}
