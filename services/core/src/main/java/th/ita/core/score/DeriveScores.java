package th.ita.core.score;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.framework.MetricKind;
import th.ita.core.framework.Tool;

/**
 * Derives what a source did not report, bottom-up, and compares it with what it did:
 * indicator = mean of its items (when every item is known; the mean of the channel means where items
 * come through several channels, as the 2568 EIT does), item group (the OIT's sub-indicators) = mean of its
 * items, tool = mean of its indicators,
 * total = Σ weight × tool, each rounded half up to two decimals. The level follows from the
 * total and tools. A level uses the reported figure where there is one, the derived one otherwise.
 */
public final class DeriveScores {
    private DeriveScores() {
    }

    /**
     * @param reported values by metric slot of {@code framework}; {@code NaN} where nothing was reported
     */
    public static Derivation derive(Framework framework, long organizationId, int year, double[] reported) {
        return derive(framework, organizationId, year, reported, null);
    }

    /**
     * @param reported values by metric slot of {@code framework}; {@code NaN} where nothing was reported
     * @param reportedLevel the level the source published, or null
     */
    public static Derivation derive(Framework framework, long organizationId, int year, double[] reported, LevelRule reportedLevel) {
        return derive(framework, organizationId, year, reported, reportedLevel, true);
    }

    /**
     * The derived values and the findings alone, as {@link #derive} gives them, without the levels' reasons
     * ({@link Derivation#level()} and {@link Derivation#derivedLevel()} are empty): what ingestion stores, once
     * per org-year of a file. A level that contradicts the published one is still a finding, with its reason.
     */
    public static Derivation deriveForStorage(Framework framework, long organizationId, int year, double[] reported, LevelRule reportedLevel) {
        return derive(framework, organizationId, year, reported, reportedLevel, false);
    }

    private static Derivation derive(Framework framework, long organizationId, int year, double[] reported, LevelRule reportedLevel,
                                     boolean assessLevels) {
        requireNonNull(framework, "framework is null");
        List<Metric> metrics = framework.metrics();
        if (reported.length != metrics.size()) {
            throw new IllegalArgumentException("expected " + metrics.size() + " values, got " + reported.length);
        }
        double[] derived = new double[reported.length];
        Arrays.fill(derived, Double.NaN);
        double[] effective = reported.clone();
        // What the figures give on their own: every value derived from the level below where it can be.
        double[] figures = reported.clone();
        List<DataQualityFinding> findings = new ArrayList<>();
        // Bottom-up: item groups and indicators from items, tools from indicators, the total from tools.
        for (MetricKind kind : List.of(MetricKind.GROUP, MetricKind.INDICATOR, MetricKind.TOOL, MetricKind.TOTAL)) {
            for (Metric metric : metrics) {
                if (metric.kind() != kind) {
                    continue;
                }
                int slot = metric.slot();
                double fromFigures = kind == MetricKind.TOTAL ? weightedTotal(framework, figures) : meanOfChildren(framework, metric, figures);
                if (!Double.isNaN(fromFigures)) {
                    figures[slot] = fromFigures;
                }
                double value = kind == MetricKind.TOTAL ? weightedTotal(framework, effective) : meanOfChildren(framework, metric, effective);
                if (Double.isNaN(value)) {
                    continue;
                }
                if (Double.isNaN(reported[slot])) {
                    derived[slot] = value;
                    effective[slot] = value;
                } else if (Scores.differ(reported[slot], value)) {
                    derived[slot] = value;
                    findings.add(new DataQualityFinding(organizationId, year, metric.code(), DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED,
                            Scores.format(reported[slot]), Scores.format(value),
                            metric.code() + " reported " + Scores.format(reported[slot]) + " but " + derivationName(kind) + " gives " + Scores.format(value)));
                }
            }
        }
        if (!assessLevels) {
            if (reportedLevel != null) {
                // The levels alone decide whether there is a finding; only a finding's reason is composed.
                LevelRule level = levelOf(framework, effective);
                LevelRule derivedLevel = levelOf(framework, figures);
                if (level != null && complete(framework, effective) && !level.code().equals(reportedLevel.code())) {
                    findings.add(levelFinding(organizationId, year, reportedLevel, assess(framework, effective).orElseThrow(), "the published figures"));
                }
                if (derivedLevel != null && complete(framework, figures) && !derivedLevel.code().equals(reportedLevel.code())
                        && (level == null || !level.code().equals(derivedLevel.code()))) {
                    findings.add(levelFinding(organizationId, year, reportedLevel, assess(framework, figures).orElseThrow(), "the figures below the total"));
                }
            }
            return new Derivation(derived, effective, findings, Optional.empty(), Optional.empty(), Optional.ofNullable(reportedLevel));
        }
        Optional<LevelAssessment> level = assess(framework, effective);
        Optional<LevelAssessment> derivedLevel = assess(framework, figures);
        if (reportedLevel != null) {
            // Each contradiction its own finding: the rules on the published figures, and the level the figures
            // below them give (ทต.กระสัง: total 95 and AA as published, but its tools give 88.87 and A).
            level.filter(assessment -> complete(framework, effective) && !assessment.level().code().equals(reportedLevel.code()))
                    .ifPresent(assessment -> findings.add(levelFinding(organizationId, year, reportedLevel, assessment, "the published figures")));
            derivedLevel.filter(assessment -> complete(framework, figures) && !assessment.level().code().equals(reportedLevel.code())
                            && level.map(l -> !l.level().code().equals(assessment.level().code())).orElse(true))
                    .ifPresent(assessment -> findings.add(levelFinding(organizationId, year, reportedLevel, assessment, "the figures below the total")));
        }
        return new Derivation(derived, effective, findings, level, derivedLevel, Optional.ofNullable(reportedLevel));
    }

    private static DataQualityFinding levelFinding(long organizationId, int year, LevelRule reportedLevel, LevelAssessment assessment, String basis) {
        return new DataQualityFinding(organizationId, year, "level", DataQualityFinding.Kind.LEVEL_DIFFERS,
                reportedLevel.nameTh(), assessment.level().nameTh(),
                "reported level " + reportedLevel.nameTh() + " but the " + year + " rules on " + basis + " give " + assessment.reasonTh());
    }

    private static LevelRule levelOf(Framework framework, double[] values) {
        return Double.isNaN(values[0]) ? null : framework.levelScheme().levelOf(values[0], toolScores(framework, values));
    }

    private static Map<String, Double> toolScores(Framework framework, double[] values) {
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            double score = values[framework.metric(tool.code()).orElseThrow().slot()];
            tools.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        return tools;
    }

    private static Optional<LevelAssessment> assess(Framework framework, double[] values) {
        double total = values[0];
        if (Double.isNaN(total)) {
            return Optional.empty();
        }
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            double score = values[framework.metric(tool.code()).orElseThrow().slot()];
            tools.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        return Optional.of(framework.levelScheme().assess(total, tools));
    }

    /**
     * Whether the rules can judge a level from these values: the total, and every tool where the scheme has
     * tool conditions. A row of total and level alone (what NACC publishes) never contradicts its level.
     */
    static boolean complete(Framework framework, double[] values) {
        if (Double.isNaN(values[0])) {
            return false;
        }
        boolean toolConditions = false;
        for (LevelRule rule : framework.levelScheme().levels()) {
            toolConditions |= rule.minEachTool().isPresent();
        }
        if (toolConditions) {
            // Loops, not streams: asked twice for every org-year an ingest stores.
            for (Tool tool : framework.tools()) {
                if (Double.isNaN(values[framework.metric(tool.code()).orElseThrow().slot()])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String derivationName(MetricKind kind) {
        return switch (kind) {
            case INDICATOR, GROUP -> "the mean of its items";
            case TOOL -> "the mean of its indicators";
            case TOTAL -> "the weighted sum of the tools";
            case ITEM -> "nothing";
        };
    }

    /**
     * The mean of a metric's children, rounded once; NaN unless every child is known. Items collected
     * through several channels (2568 EIT: Public and Survey) give the mean of the channel means, on the
     * unrounded means: ind6 = ((97.70 + 97.93 + 100)/3 + (82 + 86 + 100)/3) / 2 = 93.938… → 93.94.
     */
    private static double meanOfChildren(Framework framework, Metric metric, double[] values) {
        return meanOfChildren(framework, metric, values, true);
    }

    /** {@code shortcut}: whole hundredths in integers where every child is one (the same result, tested against the decimals). */
    static double meanOfChildren(Framework framework, Metric metric, double[] values, boolean shortcut) {
        List<Metric> children = framework.childrenOf(metric);
        if (children.isEmpty()) {
            return Double.NaN;
        }
        for (Metric child : children) {
            if (Double.isNaN(values[child.slot()])) {
                return Double.NaN;
            }
        }
        if (shortcut) {
            double mean = meanOfHundredths(framework, metric, children, values);
            if (!Double.isNaN(mean)) {
                return mean;
            }
        }
        Map<String, BigDecimal[]> channels = new LinkedHashMap<>();
        for (Metric child : children) {
            double value = values[child.slot()];
            String channel = framework.channelOf(child);
            BigDecimal[] sumAndCount = channels.computeIfAbsent(channel == null ? "" : channel, key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sumAndCount[0] = sumAndCount[0].add(Scores.exact(value));
            sumAndCount[1] = sumAndCount[1].add(BigDecimal.ONE);
        }
        BigDecimal sumOfMeans = BigDecimal.ZERO;
        for (BigDecimal[] sumAndCount : channels.values()) {
            sumOfMeans = sumOfMeans.add(sumAndCount[0].divide(sumAndCount[1], MathContext.DECIMAL128));
        }
        return Scores.round(sumOfMeans.divide(BigDecimal.valueOf(channels.size()), MathContext.DECIMAL128));
    }

    /**
     * The mean of channel means when every child is a whole number of hundredths from 0 to 10,000.00 (what every
     * published score is), exactly as a fraction of integers, rounded half up once: the decimal arithmetic above
     * gives the same (its 34 digits decide a rounding differently only for denominators above 10^30). NaN when a
     * child is not such a value.
     */
    private static double meanOfHundredths(Framework framework, Metric metric, List<Metric> children, double[] values) {
        int size = children.size();
        String[] channelNames = new String[size];
        long[] sums = new long[size];
        long[] counts = new long[size];
        int channels = 0;
        for (Metric child : children) {
            long hundredths = Scores.wholeHundredths(values[child.slot()]);
            if (hundredths < 0) {
                return Double.NaN;
            }
            String channel = "";
            if (child.kind() == MetricKind.ITEM) {
                String named = framework.channelOf(child);
                channel = named == null ? "" : named;
            }
            int index = 0;
            while (index < channels && !channelNames[index].equals(channel)) {
                index++;
            }
            if (index == channels) {
                channelNames[channels++] = channel;
            }
            sums[index] += hundredths;
            counts[index]++;
        }
        // Σ sum_c / n_c over C channels, as numerator / denominator with denominator = C × lcm(n_c).
        long multiple = 1;
        for (int c = 0; c < channels; c++) {
            multiple = multiple / gcd(multiple, counts[c]) * counts[c];
        }
        long numerator = 0;
        for (int c = 0; c < channels; c++) {
            numerator += sums[c] * (multiple / counts[c]);
        }
        long denominator = multiple * channels;
        long rounded = (2 * numerator + denominator) / (2 * denominator);
        return rounded / 100.0;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static double weightedTotal(Framework framework, double[] values) {
        double sum = 0;
        for (Tool tool : framework.tools()) {
            double value = values[framework.metric(tool.code()).orElseThrow().slot()];
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            sum += tool.weight() * value;
        }
        return Scores.round(sum);
    }

    /**
     * What derivation found. {@code derived}: by slot, a derived value where none was reported or
     * where it differs from the reported one, NaN elsewhere. {@code effective}: the value to use.
     * {@code level}: the rules on the effective (published) figures; {@code derivedLevel}: the rules on
     * the figures derived from the level below wherever they can be; {@code reportedLevel}: as published.
     */
    public record Derivation(double[] derived, double[] effective, List<DataQualityFinding> findings, Optional<LevelAssessment> level,
                             Optional<LevelAssessment> derivedLevel, Optional<LevelRule> reportedLevel) {
        public Derivation {
            findings = List.copyOf(findings);
        }
    }
}
