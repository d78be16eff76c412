package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.score.Scores;

/**
 * An ordered list of levels, best first: letter grades AA–F (2561–2566) or pass levels with
 * per-tool conditions (2567 onwards). Thresholds compare scores rounded to two decimals.
 */
public record LevelScheme(String name, List<LevelRule> levels, boolean toConfirm) {
    public LevelScheme {
        requireNonNull(name, "name is null");
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.get(levels.size() - 1).minTotal() > 0) {
            throw new IllegalArgumentException("level scheme " + name + " must end with a level for total ≥ 0");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).minTotal() > levels.get(i - 1).minTotal()) {
                throw new IllegalArgumentException("level scheme " + name + ": levels must be ordered best first");
            }
        }
    }

    public Optional<LevelRule> level(String code) {
        return levels.stream().filter(level -> level.code().equalsIgnoreCase(code) || level.nameTh().equals(code)).findFirst();
    }

    /**
     * The level of a total and its tool scores (tool code → score; a missing tool fails any tool condition).
     */
    public LevelAssessment assess(double total, Map<String, Double> toolScores) {
        requireNonNull(toolScores, "toolScores is null");
        LevelRule missed = null;
        List<String> failedTh = List.of();
        List<String> failedEn = List.of();
        for (LevelRule rule : levels) {
            if (!Scores.atLeast(total, rule.minTotal())) {
                continue;
            }
            if (rule.minEachTool().isEmpty()) {
                return assessment(rule, missed, failedTh, failedEn, total);
            }
            double minimum = rule.minEachTool().getAsDouble();
            List<String> th = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (Map.Entry<String, Double> tool : toolScores.entrySet()) {
                Double score = tool.getValue();
                if (score == null) {
                    th.add(tool.getKey() + " ไม่มีคะแนน");
                    en.add(tool.getKey() + " has no score");
                } else if (!Scores.atLeast(score, minimum)) {
                    String text = tool.getKey() + " " + Scores.format(score) + " < " + Scores.formatThreshold(minimum);
                    th.add(text);
                    en.add(text);
                }
            }
            if (toolScores.isEmpty()) {
                th.add("ไม่มีคะแนนรายเครื่องมือ");
                en.add("no tool scores");
            }
            if (th.isEmpty()) {
                return assessment(rule, missed, failedTh, failedEn, total);
            }
            // The level just above the one reached is the one the reason names: a total of 95.11 with EIT
            // 84.30 misses ผ่านดีเยี่ยม and ผ่านดี; it is ผ่าน, and what keeps it from ผ่านดี is EIT < 85.
            missed = rule;
            failedTh = th;
            failedEn = en;
        }
        throw new IllegalStateException("level scheme " + name + " has no level for total " + total);
    }

    private LevelAssessment assessment(LevelRule rule, LevelRule missed, List<String> failedTh, List<String> failedEn, double total) {
        if (missed != null) {
            return new LevelAssessment(rule, Optional.of(missed),
                    rule.nameTh() + " ไม่ใช่ " + missed.nameTh() + " เพราะ " + String.join(", ", failedTh),
                    rule.nameEn() + ", not " + missed.nameEn() + ": " + String.join(", ", failedEn));
        }
        String condition = Scores.format(total) + " ≥ " + Scores.formatThreshold(rule.minTotal());
        String toolsTh = rule.minEachTool().isPresent() ? " และทุกเครื่องมือ ≥ " + Scores.formatThreshold(rule.minEachTool().getAsDouble()) : "";
        String toolsEn = rule.minEachTool().isPresent() ? " and every tool ≥ " + Scores.formatThreshold(rule.minEachTool().getAsDouble()) : "";
        return new LevelAssessment(rule, Optional.empty(),
                rule.nameTh() + ": คะแนนรวม " + condition + toolsTh,
                rule.nameEn() + ": total " + condition + toolsEn);
    }
}
