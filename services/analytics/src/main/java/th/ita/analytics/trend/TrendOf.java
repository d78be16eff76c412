package th.ita.analytics.trend;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
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
 *   <li><b>contributions</b> (total only): the change of the total split by tool, weight × change of the tool,
 *       computed on the exact values and rounded so that they add up to the shown change (largest remainder)
 *       whenever the total is the weighted sum of its tools; <b>residual</b> is what the tools do not explain
 *       (0 then; a reported total that differs from its tools leaves the difference here).</li>
 * </ul>
 * Every figure is computed on the exact decimal values and rounded once, half up, to two decimals.
 */
public final class TrendOf {
    public static final double SIGNIFICANCE = 0.05;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private TrendOf() {
    }

    /** One year of the series. */
    public record Point(int year, double value, Double change, boolean methodologyBreak, List<String> breakNotes,
                        List<Contribution> contributions, Double residual) {
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
        List<Integer> xs = new ArrayList<>();
        List<BigDecimal> ys = new ArrayList<>();
        Point previous = null;
        for (int year : table.years()) {
            double value = table.value(year, metric, organization);
            if (Double.isNaN(value)) {
                continue;
            }
            Framework framework = table.framework(year).orElseThrow();
            Double change = previous != null && previous.year() == year - 1 ? Scores.difference(value, previous.value()) : null;
            List<Contribution> contributions = List.of();
            Double residual = null;
            if (change != null && metric.equals(Metric.TOTAL)) {
                contributions = contributions(table, framework, organization, year, change);
                if (contributions.size() == framework.tools().size()) {
                    BigDecimal explained = contributions.stream().map(c -> Scores.exact(c.pointsOfTotal())).reduce(BigDecimal.ZERO, BigDecimal::add);
                    residual = Scores.round(Scores.exact(change).subtract(explained));
                }
            }
            boolean methodologyBreak = previous != null && !framework.methodologyChanges().isEmpty();
            List<String> notes = methodologyBreak ? framework.methodologyChanges().stream().map(c -> c.th() + " / " + c.en()).toList() : List.of();
            Point point = new Point(year, value, change, methodologyBreak, notes, contributions, residual);
            points.add(point);
            regression.addData(year, value);
            xs.add(year);
            ys.add(Scores.exact(value));
            previous = point;
        }
        if (points.size() < 3) {
            return new Trend(metric, points, null, null, null, false);
        }
        double pValue = significance(regression);
        Double p = Double.isNaN(pValue) ? null : pValue;
        return new Trend(metric, points, Scores.round(exactSlope(xs, ys)), round4(regression.getSlopeStdErr()), p == null ? null : round4(p),
                p != null && p < SIGNIFICANCE);
    }

    /**
     * The tools' shares of a change of the total: weight × the tool's change, exact. Rounded half up they
     * may not add up to the shown change (0.3·2.345 + … rounds each part apart); when the exact parts are
     * within a cent of the change, they are rounded by largest remainder instead, so that they add up.
     */
    private static List<Contribution> contributions(ScoreTable table, Framework framework, int organization, int year, double change) {
        List<Tool> tools = new ArrayList<>();
        List<BigDecimal> exact = new ArrayList<>();
        List<Double> toolChanges = new ArrayList<>();
        for (Tool tool : framework.tools()) {
            double now = table.value(year, tool.code(), organization);
            double before = table.value(year - 1, tool.code(), organization);
            if (!Double.isNaN(now) && !Double.isNaN(before)) {
                BigDecimal toolChange = Scores.exact(now).subtract(Scores.exact(before));
                tools.add(tool);
                toolChanges.add(Scores.round(toolChange));
                exact.add(Scores.exact(tool.weight()).multiply(toolChange));
            }
        }
        List<BigDecimal> shown = exact.stream().map(value -> value.setScale(2, RoundingMode.HALF_UP)).toList();
        if (tools.size() == framework.tools().size()) {
            BigDecimal target = Scores.exact(change).setScale(2, RoundingMode.HALF_UP);
            List<BigDecimal> floors = exact.stream().map(value -> value.setScale(2, RoundingMode.FLOOR)).toList();
            BigDecimal base = floors.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sum = exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            int cents = target.subtract(base).movePointRight(2).intValueExact();
            // Only the rounding of the two totals (half a cent each) may be spread over the tools.
            if (target.subtract(sum).abs().compareTo(CENT) <= 0 && cents >= 0 && cents <= tools.size()) {
                List<Integer> byRemainder = new ArrayList<>();
                for (int i = 0; i < tools.size(); i++) {
                    byRemainder.add(i);
                }
                byRemainder.sort(Comparator.comparing((Integer i) -> exact.get(i).subtract(floors.get(i))).reversed().thenComparing(i -> i));
                shown = new ArrayList<>(floors);
                for (int k = 0; k < cents; k++) {
                    int i = byRemainder.get(k);
                    shown.set(i, shown.get(i).add(CENT));
                }
            }
        }
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            contributions.add(new Contribution(tools.get(i).code(), tools.get(i).weight(), toolChanges.get(i), shown.get(i).doubleValue()));
        }
        return contributions;
    }

    /** The least-squares slope on exact values: (nΣxy − ΣxΣy) ÷ (nΣx² − (Σx)²). */
    private static BigDecimal exactSlope(List<Integer> xs, List<BigDecimal> ys) {
        BigDecimal n = BigDecimal.valueOf(xs.size());
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumY = BigDecimal.ZERO;
        BigDecimal sumXY = BigDecimal.ZERO;
        BigDecimal sumXX = BigDecimal.ZERO;
        for (int i = 0; i < xs.size(); i++) {
            BigDecimal x = BigDecimal.valueOf(xs.get(i));
            sumX = sumX.add(x);
            sumY = sumY.add(ys.get(i));
            sumXY = sumXY.add(x.multiply(ys.get(i)));
            sumXX = sumXX.add(x.multiply(x));
        }
        BigDecimal numerator = n.multiply(sumXY).subtract(sumX.multiply(sumY));
        BigDecimal denominator = n.multiply(sumXX).subtract(sumX.multiply(sumX));
        return numerator.divide(denominator, MathContext.DECIMAL128);
    }

    /** Student's t distributions by degrees of freedom, made once: each carries a random generator that is slow to seed. */
    private static final TDistribution[] DISTRIBUTIONS = new TDistribution[64];

    /**
     * What {@link SimpleRegression#getSignificance()} computes — the two-sided p-value of the slope — on a
     * t distribution made once per degrees of freedom instead of on every call (with a new random
     * generator each time, a tenth of the time of every trend).
     */
    static double significance(SimpleRegression regression) {
        long n = regression.getN();
        if (n < 3) {
            return Double.NaN;
        }
        int degrees = (int) (n - 2);
        TDistribution distribution;
        if (degrees < DISTRIBUTIONS.length) {
            distribution = DISTRIBUTIONS[degrees];
            if (distribution == null) {
                // A race makes the same distribution twice: harmless.
                distribution = new TDistribution(null, degrees);
                DISTRIBUTIONS[degrees] = distribution;
            }
        } else {
            distribution = new TDistribution(null, degrees);
        }
        return 2d * (1.0 - distribution.cumulativeProbability(Math.abs(regression.getSlope()) / regression.getSlopeStdErr()));
    }

    private static double round4(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10_000) / 10_000.0;
    }
}
