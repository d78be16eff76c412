package th.ita.core.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.Metric;
import th.ita.core.framework.MetricKind;
import th.ita.core.framework.Tool;

/**
 * Derives what a source did not report, bottom-up, and compares it with what it did:
 * indicator = mean of its items (when every item is known), tool = mean of its indicators,
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
        requireNonNull(framework, "framework is null");
        List<Metric> metrics = framework.metrics();
        if (reported.length != metrics.size()) {
            throw new IllegalArgumentException("expected " + metrics.size() + " values, got " + reported.length);
        }
        double[] derived = new double[reported.length];
        Arrays.fill(derived, Double.NaN);
        double[] effective = reported.clone();
        List<DataQualityFinding> findings = new ArrayList<>();
        // Bottom-up: indicators from items, tools from indicators, the total from tools.
        for (MetricKind kind : List.of(MetricKind.INDICATOR, MetricKind.TOOL, MetricKind.TOTAL)) {
            for (Metric metric : metrics) {
                if (metric.kind() != kind) {
                    continue;
                }
                double value = kind == MetricKind.TOTAL ? weightedTotal(framework, effective) : meanOfChildren(framework, metric, effective);
                if (Double.isNaN(value)) {
                    continue;
                }
                int slot = metric.slot();
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
        Optional<LevelAssessment> level = Optional.empty();
        double total = effective[0];
        if (!Double.isNaN(total)) {
            Map<String, Double> tools = new LinkedHashMap<>();
            for (Tool tool : framework.tools()) {
                double score = effective[framework.metric(tool.code()).orElseThrow().slot()];
                tools.put(tool.code(), Double.isNaN(score) ? null : score);
            }
            level = Optional.of(framework.levelScheme().assess(total, tools));
        }
        return new Derivation(derived, effective, findings, level);
    }

    private static String derivationName(MetricKind kind) {
        return switch (kind) {
            case INDICATOR -> "the mean of its items";
            case TOOL -> "the mean of its indicators";
            case TOTAL -> "the weighted sum of the tools";
            case ITEM -> "nothing";
        };
    }

    private static double meanOfChildren(Framework framework, Metric metric, double[] values) {
        List<Metric> children = framework.childrenOf(metric);
        if (children.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Metric child : children) {
            double value = values[child.slot()];
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            sum += value;
        }
        return Scores.round(sum / children.size());
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
     */
    public record Derivation(double[] derived, double[] effective, List<DataQualityFinding> findings, Optional<LevelAssessment> level) {
        public Derivation {
            findings = List.copyOf(findings);
        }
    }
}
