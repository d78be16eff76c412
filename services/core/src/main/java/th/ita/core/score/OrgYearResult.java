package th.ita.core.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;

/**
 * The result of one org-year as stored facts give it: per metric the reported and derived values
 * side by side and the one to use (reported where there is one), and the level with its reason.
 */
public record OrgYearResult(int year, List<MetricValue> values, Optional<LevelAssessment> level) {

    /** One metric: {@code value} is the reported figure when there is one, the derived one otherwise. */
    public record MetricValue(Metric metric, Double reported, Double derived, double value) {
    }

    public OrgYearResult {
        values = List.copyOf(values);
        requireNonNull(level, "level is null");
    }

    /** Builds the result from the current facts of one org-year, in framework order. */
    public static OrgYearResult of(Framework framework, List<ScoreFact> facts) {
        Map<String, Double> reported = new LinkedHashMap<>();
        Map<String, Double> derived = new LinkedHashMap<>();
        for (ScoreFact fact : facts) {
            if (fact.year() != framework.year()) {
                throw new IllegalArgumentException("fact of " + fact.year() + " given for framework " + framework.year());
            }
            (fact.provenance() == Provenance.REPORTED ? reported : derived).put(fact.metric(), fact.value());
        }
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : framework.metrics()) {
            Double r = reported.get(metric.code());
            Double d = derived.get(metric.code());
            if (r != null || d != null) {
                values.add(new MetricValue(metric, r, d, r != null ? r : d));
            }
        }
        Optional<LevelAssessment> level = Optional.empty();
        Double total = reported.getOrDefault(Metric.TOTAL, derived.get(Metric.TOTAL));
        if (total != null) {
            Map<String, Double> tools = new LinkedHashMap<>();
            for (Tool tool : framework.tools()) {
                tools.put(tool.code(), reported.getOrDefault(tool.code(), derived.get(tool.code())));
            }
            level = Optional.of(framework.levelScheme().assess(total, tools));
        }
        return new OrgYearResult(framework.year(), values, level);
    }

    public Optional<MetricValue> value(String metricCode) {
        return values.stream().filter(value -> value.metric().code().equals(metricCode)).findFirst();
    }
}
