package th.ita.demo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;
import th.ita.core.score.Scores;

/**
 * How the generated scores are drawn, and how the draws are calibrated so that national means track
 * the published figures.
 *
 * <p>Every organization has a persistent quality {@code q} and a yearly state {@code a} that follows
 * an AR(1) process; their blend {@code z} (standard normal each year) is the organization's standing
 * that year, so good organizations stay mostly good. A score is modelled by its <em>gap</em> to 100,
 * through a probit link: gap = 100·Φ(x), where a tool's {@code x} is {@code m − loading·z + noise},
 * each indicator adds its own offset (ind5 is usually the weakest IIT indicator, ind10 the weakest
 * OIT one), a persistent organization effect and yearly noise, and a 2568 survey item adds item noise
 * (and a share of survey items score exactly 100, as in real reports). The probit keeps scores in
 * 0–100, tight near the top, and, unlike a lognormal gap, puts the organizations that miss 85 in a
 * broad band below it rather than in a thin extreme tail, as the published shares reaching 85 show.
 * OIT is a checklist: each item is published (100) or not (0) with the indicator's probability
 * {@code 1 − gap/100}, which gives its 0/100-ish spread.
 *
 * <p>The lowest-standing organizations of a year are <em>disengaged</em> (the share shrinks from
 * 4.5 % in 2561 to 0.6 % in 2568): they barely publish anything (OIT near 0) and their surveys fall
 * further, which keeps a few E/F and ต้องปรับปรุงโดยด่วน organizations in every year.
 *
 * <p>Calibration: for each year and tool, the location {@code m} is solved (by bisection) so the
 * expected tool mean over the population equals the target. The expectation is exact for this model
 * up to rounding: E[Φ(X)] = Φ(μ/√(1+σ²)) for normal X, integrated over {@code z} by quadrature.
 */
final class ScoreModel {
    /** Share of the standing that is persistent quality; the rest is the AR(1) state. */
    private static final double PERSISTENT_SHARE = 0.6;
    private static final double AUTOREGRESSION = 0.6;
    /** How much further a disengaged organization's surveys fall, on the probit scale. */
    private static final double DISENGAGED_SURVEY_SHIFT = 0.8;
    /** A disengaged organization publishes each checklist item with a probability drawn up to this. */
    private static final double DISENGAGED_MAX_OPENNESS = 0.15;
    private static final double MAX_GAP = 100;

    /**
     * Targets. Totals of 2564, 2565, 2566 and 2568 are the published national means (of all agencies,
     * applied here to LAOs); 2561–2563 and 2567 are assumptions. The IIT and EIT means are assumptions
     * (IIT highest, EIT next); the OIT mean follows from the total and the tool weights. Spreads are
     * tuned so the share reaching 85 lands near the published one (2565 70.5 %, 2566 80.9 %,
     * 2568 94.2 %), and kept below 1 in the early years so that their low means do not leave a
     * tenth of the country at E/F.
     */
    private static final Map<Integer, YearTarget> TARGETS = targets(
            new YearTarget(2561, 72.00, 82.0, 75.0, 0.045, 0.85),
            new YearTarget(2562, 76.00, 84.0, 78.0, 0.035, 0.9),
            new YearTarget(2563, 79.00, 85.5, 81.0, 0.028, 0.95),
            new YearTarget(2564, 81.25, 87.0, 83.0, 0.022, 1.0),
            new YearTarget(2565, 87.57, 91.0, 88.0, 0.015, 1.4),
            new YearTarget(2566, 90.19, 92.0, 88.0, 0.010, 1.4),
            new YearTarget(2567, 92.00, 94.0, 90.0, 0.008, 1.3),
            new YearTarget(2568, 93.82, 96.0, 92.0, 0.006, 1.2));

    private static final Map<String, ToolShape> SHAPES = Map.of(
            "IIT", new ToolShape(0.25, 0.18, 0.10, 0.15, 0.20, 0.35, false),
            "EIT", new ToolShape(0.25, 0.20, 0.10, 0.15, 0.18, 0.15, false),
            "OIT", new ToolShape(0.45, 0.35, 0.15, 0.20, 0, 0, true));

    /** Offsets on the probit scale: positive is weaker. Unknown indicators get 0. */
    private static final Map<String, Double> INDICATOR_OFFSETS = Map.of(
            "ind1", 0.0, "ind2", -0.08, "ind3", -0.18, "ind4", 0.03, "ind5", 0.18,
            "ind6", -0.05, "ind7", 0.05, "ind8", 0.08,
            "ind9", -0.08, "ind10", 0.15);

    /**
     * How finely an OIT indicator is graded comes from the year's framework (its items, or its stated
     * {@code checklist_sizes}: 2562–2565 o1–o43, from 2566 a new list); this is for a year that states none.
     */
    private static final int DEFAULT_CHECKLIST_SIZE = 10;

    private static final Quadrature QUADRATURE = new Quadrature(-8, 8, 801);

    private final long seed;
    private final List<YearPlan> years;
    private final int persistentEffects;

    ScoreModel(List<Framework> frameworks, long seed) {
        requireNonNull(frameworks, "frameworks is null");
        this.seed = seed;
        Map<String, Integer> indicatorIndex = new LinkedHashMap<>();
        for (Framework framework : frameworks) {
            for (Indicator indicator : framework.indicators()) {
                indicatorIndex.putIfAbsent(indicator.code(), indicatorIndex.size());
            }
        }
        this.persistentEffects = indicatorIndex.size();
        List<YearPlan> plans = new ArrayList<>();
        for (Framework framework : frameworks) {
            plans.add(plan(framework, indicatorIndex));
        }
        this.years = List.copyOf(plans);
    }

    /** The target national mean of the total of a year (what the calibration aims at). */
    static double targetTotal(int year) {
        return target(year).total();
    }

    /**
     * One organization's scores: for each year of the model, values by metric slot of that year's
     * framework; every metric has a value (items only where the framework lists them).
     */
    double[][] draw(String organizationCode) {
        Draws draws = new Draws(seed, organizationCode);
        double quality = draws.normal();
        double state = draws.normal();
        double[] persistent = new double[persistentEffects];
        for (int i = 0; i < persistent.length; i++) {
            persistent[i] = draws.normal();
        }
        double[][] values = new double[years.size()][];
        for (int y = 0; y < years.size(); y++) {
            if (y > 0) {
                state = AUTOREGRESSION * state + Math.sqrt(1 - AUTOREGRESSION * AUTOREGRESSION) * draws.normal();
            }
            double standing = Math.sqrt(PERSISTENT_SHARE) * quality + Math.sqrt(1 - PERSISTENT_SHARE) * state;
            values[y] = years.get(y).draw(standing, persistent, draws);
        }
        return values;
    }

    private static YearPlan plan(Framework framework, Map<String, Integer> indicatorIndex) {
        YearTarget target = target(framework.year());
        double cutoff = Normal.quantile(target.disengagedShare());
        List<ToolPlan> tools = new ArrayList<>();
        for (Tool tool : framework.tools()) {
            ToolShape knownShape = SHAPES.get(tool.code());
            if (knownShape == null) {
                throw ItaException.invalidInput("the demo score model knows tools " + SHAPES.keySet() + ", not " + tool.code() + " (framework " + framework.year() + ")");
            }
            ToolShape shape = knownShape.widenedBy(target.spread());
            List<IndicatorPlan> indicators = new ArrayList<>();
            for (Indicator indicator : tool.indicators()) {
                Metric metric = framework.metric(indicator.code()).orElseThrow();
                int[] itemSlots = framework.childrenOf(metric).stream().mapToInt(Metric::slot).toArray();
                int checklistSize = framework.checklistSize(indicator.code()).orElse(DEFAULT_CHECKLIST_SIZE);
                indicators.add(new IndicatorPlan(metric.slot(), INDICATOR_OFFSETS.getOrDefault(indicator.code(), 0.0), indicatorIndex.get(indicator.code()),
                        itemSlots, checklistSize));
            }
            double mean = target.toolMean(tool.code(), framework.weights());
            double location = calibrate(shape, indicators, cutoff, mean);
            tools.add(new ToolPlan(framework.metric(tool.code()).orElseThrow().slot(), tool.weight(), shape, location, List.copyOf(indicators)));
        }
        return new YearPlan(framework.metrics().size(), cutoff, List.copyOf(tools));
    }

    private static YearTarget target(int year) {
        YearTarget target = TARGETS.get(year);
        if (target == null) {
            throw ItaException.notFound("the demo score model has no national targets for year " + year + "; it has " + TARGETS.keySet());
        }
        return target;
    }

    /** The location whose expected tool mean is {@code mean}: the expected gap grows with the location, so bisect. */
    private static double calibrate(ToolShape shape, List<IndicatorPlan> indicators, double cutoff, double mean) {
        double wantedGap = MAX_GAP - mean;
        double low = -10;
        double high = 10;
        for (int i = 0; i < 60; i++) {
            double middle = (low + high) / 2;
            if (expectedGap(shape, indicators, cutoff, middle) < wantedGap) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static double expectedGap(ToolShape shape, List<IndicatorPlan> indicators, double cutoff, double location) {
        double variance = shape.indicatorVariance();
        double total = 0;
        for (int i = 0; i < QUADRATURE.size(); i++) {
            double z = QUADRATURE.point(i);
            boolean disengaged = z < cutoff;
            double gap = 0;
            for (IndicatorPlan indicator : indicators) {
                double mu = location - shape.loading() * z + indicator.offset();
                if (shape.checklist()) {
                    gap += disengaged ? MAX_GAP * (1 - DISENGAGED_MAX_OPENNESS / 2) : MAX_GAP * Normal.meanOfCdf(mu, variance);
                } else {
                    double shifted = disengaged ? mu + DISENGAGED_SURVEY_SHIFT : mu;
                    gap += indicator.surveyItems()
                            ? shape.imperfectItemShare() * MAX_GAP * Normal.meanOfCdf(shifted, variance + shape.itemNoise() * shape.itemNoise())
                            : MAX_GAP * Normal.meanOfCdf(shifted, variance);
                }
            }
            total += QUADRATURE.weight(i) * gap / indicators.size();
        }
        return total;
    }

    private static Map<Integer, YearTarget> targets(YearTarget... targets) {
        Map<Integer, YearTarget> byYear = new TreeMap<>();
        for (YearTarget target : targets) {
            byYear.put(target.year(), target);
        }
        return Collections.unmodifiableMap(byYear);
    }

    /**
     * National targets of a year: the mean total, the IIT and EIT means, the share of organizations
     * that are disengaged that year, and how widely organizations spread that year (a factor on the
     * standing's loading and on the yearly noises; the calibration keeps the mean whatever the spread).
     */
    record YearTarget(int year, double total, double iit, double eit, double disengagedShare, double spread) {
        YearTarget {
            if (!(disengagedShare > 0 && disengagedShare < 0.5)) {
                throw new IllegalArgumentException("disengaged share must be in (0, 0.5): " + disengagedShare);
            }
            if (!(spread > 0)) {
                throw new IllegalArgumentException("spread must be positive: " + spread);
            }
        }

        /** A tool's mean; OIT's is what the weights leave of the total once IIT and EIT are set. */
        double toolMean(String toolCode, Map<String, Double> weights) {
            double mean = switch (toolCode) {
                case "IIT" -> iit;
                case "EIT" -> eit;
                case "OIT" -> (total - weights.get("IIT") * iit - weights.get("EIT") * eit) / weights.get("OIT");
                default -> throw new IllegalArgumentException("no target for tool " + toolCode);
            };
            if (!(mean > 0 && mean < MAX_GAP)) {
                throw new IllegalArgumentException("year " + year + ": the target mean of " + toolCode + " is out of range: " + mean);
            }
            return mean;
        }
    }

    /**
     * The spread of a tool. Noises are standard deviations on the probit scale: {@code yearNoise} per
     * organization-year, {@code persistentNoise} per organization and indicator, {@code indicatorNoise}
     * per organization-year and indicator, {@code itemNoise} per survey item. {@code perfectItemShare}
     * is the share of survey items that score exactly 100. A checklist tool's items are 0 or 100.
     */
    record ToolShape(double loading, double yearNoise, double persistentNoise, double indicatorNoise, double itemNoise, double perfectItemShare,
            boolean checklist) {
        /** The shape of a year whose field is {@code spread} times as wide; persistent and item noise stay. */
        ToolShape widenedBy(double spread) {
            return new ToolShape(loading * spread, yearNoise * spread, persistentNoise, indicatorNoise * spread, itemNoise, perfectItemShare, checklist);
        }

        double indicatorVariance() {
            return yearNoise * yearNoise + persistentNoise * persistentNoise + indicatorNoise * indicatorNoise;
        }

        double imperfectItemShare() {
            return 1 - perfectItemShare;
        }
    }

    private record IndicatorPlan(int slot, double offset, int persistentIndex, int[] itemSlots, int checklistSize) {
        boolean surveyItems() {
            return itemSlots.length > 0;
        }
    }

    private record ToolPlan(int slot, double weight, ToolShape shape, double location, List<IndicatorPlan> indicators) {
    }

    private record YearPlan(int metrics, double cutoff, List<ToolPlan> tools) {
        /** Draws a year in a fixed order (tools, then their indicators, then items), so a seed always gives the same values. */
        double[] draw(double standing, double[] persistent, Draws draws) {
            double[] values = new double[metrics];
            Arrays.fill(values, Double.NaN);
            boolean disengaged = standing < cutoff;
            double openness = draws.uniform() * DISENGAGED_MAX_OPENNESS;
            double total = 0;
            for (ToolPlan tool : tools) {
                ToolShape shape = tool.shape();
                double toolPosition = tool.location() - shape.loading() * standing + shape.yearNoise() * draws.normal();
                if (disengaged && !shape.checklist()) {
                    toolPosition += DISENGAGED_SURVEY_SHIFT;
                }
                double sum = 0;
                for (IndicatorPlan indicator : tool.indicators()) {
                    double position = toolPosition + indicator.offset() + shape.persistentNoise() * persistent[indicator.persistentIndex()]
                            + shape.indicatorNoise() * draws.normal();
                    double value = shape.checklist()
                            ? checklist(indicator, disengaged ? openness : 1 - gap(position) / MAX_GAP, values, draws)
                            : survey(indicator, position, shape, values, draws);
                    values[indicator.slot()] = value;
                    sum += value;
                }
                double score = Scores.round(sum / tool.indicators().size());
                values[tool.slot()] = score;
                total += tool.weight() * score;
            }
            values[0] = Scores.round(total);
            return values;
        }

        private static double checklist(IndicatorPlan indicator, double openness, double[] values, Draws draws) {
            double sum = 0;
            for (int i = 0; i < indicator.checklistSize(); i++) {
                double item = draws.uniform() < openness ? 100 : 0;
                if (indicator.surveyItems()) {
                    values[indicator.itemSlots()[i]] = item;
                }
                sum += item;
            }
            return Scores.round(sum / indicator.checklistSize());
        }

        private static double survey(IndicatorPlan indicator, double position, ToolShape shape, double[] values, Draws draws) {
            if (!indicator.surveyItems()) {
                return Scores.round(MAX_GAP - gap(position));
            }
            double sum = 0;
            for (int slot : indicator.itemSlots()) {
                double item = 100;
                if (draws.uniform() >= shape.perfectItemShare()) {
                    item = Scores.round(MAX_GAP - gap(position + shape.itemNoise() * draws.normal()));
                }
                values[slot] = item;
                sum += item;
            }
            return Scores.round(sum / indicator.itemSlots().length);
        }

        private static double gap(double position) {
            return MAX_GAP * Normal.cdf(position);
        }
    }

    /** Nodes and weights of the standard normal on a uniform grid (trapezoid rule, weights summing to 1). */
    private static final class Quadrature {
        private final double[] points;
        private final double[] weights;

        Quadrature(double from, double to, int size) {
            points = new double[size];
            weights = new double[size];
            double step = (to - from) / (size - 1);
            double sum = 0;
            for (int i = 0; i < size; i++) {
                points[i] = from + i * step;
                weights[i] = StrictMath.exp(-points[i] * points[i] / 2);
                sum += weights[i];
            }
            for (int i = 0; i < size; i++) {
                weights[i] /= sum;
            }
        }

        int size() {
            return points.length;
        }

        double point(int i) {
            return points[i];
        }

        double weight(int i) {
            return weights[i];
        }
    }

    /** The standard normal distribution, as far as the calibration needs it. */
    static final class Normal {
        private Normal() {
        }

        /** Φ(x), from the complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7). */
        static double cdf(double x) {
            double z = Math.abs(x) / Math.sqrt(2);
            double t = 1 / (1 + 0.5 * z);
            double erfc = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? 1 - erfc / 2 : erfc / 2;
        }

        /** Φ⁻¹(p) by bisection: called a few times per run, so precision matters more than speed. */
        static double quantile(double p) {
            double low = -10;
            double high = 10;
            for (int i = 0; i < 80; i++) {
                double middle = (low + high) / 2;
                if (cdf(middle) < p) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            return (low + high) / 2;
        }

        /** E[Φ(X)] for X ~ N(mu, variance): the probability that a standard normal lies below X. */
        static double meanOfCdf(double mu, double variance) {
            return cdf(mu / Math.sqrt(1 + variance));
        }
    }
}
