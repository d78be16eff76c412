package th.ita.analytics.level;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Tool;
import th.ita.core.score.Scores;

/**
 * What it takes to reach the next level (use case): the points still missing on the total and, where
 * the year's scheme has a condition on every tool, on each tool; and which indicators raise the total
 * most per point gained, the indicators of the tools that block the next level first. One point on an indicator moves the total by tool weight ÷ the tool's number
 * of indicators (0.06 for an IIT indicator, 0.10 for EIT, 0.20 for OIT with the 30/30/40 weights).
 */
public final class NextLevel {
    private NextLevel() {
    }

    public record ToolGap(String tool, double score, double needed) {
    }

    public record Target(String level, String nameTh, String nameEn, double pointsOnTotal, List<ToolGap> tools) {
    }

    public record Lever(String indicator, String nameTh, String nameEn, String tool, double score, double totalPerPoint, double headroom) {
    }

    /**
     * {@code current}: the level on the table's basis (the published one on REPORTED); {@code figuresLevel}: the
     * level the figures below the total give, when it is worse (ทต.กระสัง: AA as published, A on its tools).
     * {@code next} is measured from the worse of the two, so it is empty only at the best level.
     */
    public record Result(int year, double total, LevelAssessment current, Optional<LevelAssessment> figuresLevel, Optional<Target> next,
                         List<Lever> levers) {
    }

    public static Optional<Result> of(ScoreTable table, int organization, int year) {
        Framework framework = table.framework(year).orElse(null);
        if (framework == null) {
            return Optional.empty();
        }
        double total = table.value(year, "total", organization);
        if (Double.isNaN(total)) {
            return Optional.empty();
        }
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool tool : framework.tools()) {
            double score = table.value(year, tool.code(), organization);
            tools.put(tool.code(), Double.isNaN(score) ? null : score);
        }
        LevelAssessment current = table.level(year, organization).orElseThrow();
        List<LevelRule> levels = framework.levelScheme().levels();
        Optional<LevelAssessment> figuresLevel = table.derivedLevel(year, organization)
                .filter(derived -> levels.indexOf(derived.level()) > levels.indexOf(current.level()));
        int index = levels.indexOf(figuresLevel.orElse(current).level());
        if (figuresLevel.isPresent()) {
            double derivedTotal = table.otherValue(year, "total", organization);
            total = Double.isNaN(derivedTotal) ? total : derivedTotal;
            for (Tool tool : framework.tools()) {
                double other = table.otherValue(year, tool.code(), organization);
                if (!Double.isNaN(other)) {
                    tools.put(tool.code(), other);
                }
            }
        }
        Optional<Target> next = Optional.empty();
        if (index > 0) {
            LevelRule target = levels.get(index - 1);
            List<ToolGap> gaps = new ArrayList<>();
            if (target.minEachTool().isPresent()) {
                double minimum = target.minEachTool().getAsDouble();
                tools.forEach((tool, score) -> {
                    double have = score == null ? 0 : score;
                    if (!Scores.atLeast(have, minimum)) {
                        gaps.add(new ToolGap(tool, have, Scores.difference(minimum, have)));
                    }
                });
            }
            next = Optional.of(new Target(target.code(), target.nameTh(), target.nameEn(), Math.max(0, Scores.difference(target.minTotal(), total)), gaps));
        }
        List<Lever> levers = new ArrayList<>();
        for (Tool tool : framework.tools()) {
            for (Indicator indicator : tool.indicators()) {
                double score = table.value(year, indicator.code(), organization);
                if (!Double.isNaN(score) && score < 100) {
                    levers.add(new Lever(indicator.code(), indicator.nameTh(), indicator.nameEn(), tool.code(), score,
                            Math.round(tool.weight() / tool.indicators().size() * 10_000) / 10_000.0, Scores.difference(100, score)));
                }
            }
        }
        // The tools that block the next level lead: for ม่วงยาย (2568) only EIT keeps it from ผ่านดีเยี่ยม,
        // so its EIT indicators come first, however much more an OIT point would move the total.
        Set<String> blocking = new HashSet<>();
        next.ifPresent(target -> target.tools().forEach(gap -> blocking.add(gap.tool())));
        levers.sort(Comparator.comparing((Lever lever) -> !blocking.contains(lever.tool()))
                .thenComparing(Comparator.comparingDouble(Lever::totalPerPoint).reversed())
                .thenComparing(Comparator.comparingDouble(Lever::headroom).reversed()));
        return Optional.of(new Result(year, table.value(year, "total", organization), current, figuresLevel, next, levers));
    }
}
