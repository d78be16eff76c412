package th.ita.core.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.framework.Tool;

/**
 * The result of one org-year as stored facts give it: per metric the reported and derived values
 * side by side and the one to use (reported where there is one), and the level with its reason.
 */
public record OrgYearResult(int year, List<MetricValue> values, Optional<LevelAssessment> level, Optional<LevelRule> reportedLevel,
                            Optional<LevelAssessment> derivedLevel, Optional<Integer> reportedRank) {

    /** One metric: {@code value} is the reported figure when there is one, the derived one otherwise. */
    public record MetricValue(Metric metric, Double reported, Double derived, double value) {
    }

    public OrgYearResult {
        values = List.copyOf(values);
        requireNonNull(level, "level is null");
        requireNonNull(reportedLevel, "reportedLevel is null");
        requireNonNull(derivedLevel, "derivedLevel is null");
        requireNonNull(reportedRank, "reportedRank is null");
    }

    public OrgYearResult(int year, List<MetricValue> values, Optional<LevelAssessment> level) {
        this(year, values, level, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Builds the result from the current facts of one org-year, in framework order. {@code level} is the
     * level to show: the rules on the published figures, or the published level itself where the figures
     * cannot judge it (a total without its tools never downgrades a published level). {@code derivedLevel}
     * is what the figures derived from the level below give, present only where it differs.
     */
    public static OrgYearResult of(Framework framework, List<ScoreFact> facts) {
        Map<String, Double> reported = new LinkedHashMap<>();
        Map<String, Double> derived = new LinkedHashMap<>();
        Optional<LevelRule> reportedLevel = Optional.empty();
        Optional<Integer> reportedRank = Optional.empty();
        for (ScoreFact fact : facts) {
            if (fact.year() != framework.year()) {
                throw new IllegalArgumentException("fact of " + fact.year() + " given for framework " + framework.year());
            }
            if (fact.metric().equals(Metric.REPORTED_LEVEL)) {
                reportedLevel = framework.levelScheme().atPosition((int) Math.round(fact.value()));
            } else if (fact.metric().equals(Metric.REPORTED_RANK)) {
                reportedRank = Optional.of((int) Math.round(fact.value()));
            } else {
                (fact.provenance() == Provenance.REPORTED ? reported : derived).put(fact.metric(), fact.value());
            }
        }
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : framework.metrics()) {
            Double r = reported.get(metric.code());
            Double d = derived.get(metric.code());
            if (r != null || d != null) {
                values.add(new MetricValue(metric, r, d, r != null ? r : d));
            }
        }
        Optional<LevelAssessment> level = assess(framework, code -> reported.getOrDefault(code, derived.get(code)));
        if (reportedLevel.isPresent() && level.isPresent() && !judgeable(framework, code -> reported.getOrDefault(code, derived.get(code)))) {
            LevelRule published = reportedLevel.get();
            level = Optional.of(new LevelAssessment(published, Optional.empty(), published.nameTh() + ": ระดับตามที่ประกาศ (ไม่มีคะแนนรายเครื่องมือให้ตรวจ)",
                    published.nameEn() + ": as published (no tool scores to check it against)"));
        }
        Optional<LevelAssessment> derivedLevel = assess(framework, code -> derived.getOrDefault(code, reported.get(code)));
        Optional<LevelAssessment> shown = level;
        derivedLevel = derivedLevel.filter(d -> judgeable(framework, code -> derived.getOrDefault(code, reported.get(code))))
                .filter(d -> shown.map(l -> !l.level().code().equals(d.level().code())).orElse(true));
        return new OrgYearResult(framework.year(), values, level, reportedLevel, derivedLevel, reportedRank);
    }

    private static Optional<LevelAssessment> assess(Framework framework, java.util.function.Function<String, Double> value) {
        Double total = value.apply(Metric.TOTAL);
        if (total == null) {
            return Optional.empty();
        }
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            tools.put(tool.code(), value.apply(tool.code()));
        }
        return Optional.of(framework.levelScheme().assess(total, tools));
    }

    private static boolean judgeable(Framework framework, java.util.function.Function<String, Double> value) {
        boolean toolConditions = framework.levelScheme().levels().stream().anyMatch(rule -> rule.minEachTool().isPresent());
        return value.apply(Metric.TOTAL) != null && (!toolConditions || framework.tools().stream().allMatch(tool -> value.apply(tool.code()) != null));
    }

    public Optional<MetricValue> value(String metricCode) {
        return values.stream().filter(value -> value.metric().code().equals(metricCode)).findFirst();
    }
}
