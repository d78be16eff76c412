package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.message.Language;
import th.ita.core.message.Localized;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
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

    /** A level's position in the scheme, 1 = best: how a published level is stored. */
    public int position(LevelRule level) {
        int index = levels.indexOf(level);
        if (index < 0) {
            throw new IllegalArgumentException("level " + level.code() + " is not in scheme " + name);
        }
        return index + 1;
    }

    /** The level at a position (1 = best), if the scheme has one there. */
    public Optional<LevelRule> atPosition(int position) {
        return position >= 1 && position <= levels.size() ? Optional.of(levels.get(position - 1)) : Optional.empty();
    }

    /**
     * The level alone, as {@link #assess} finds it, without composing its reason: for callers that only compare
     * levels (ingestion, once per org-year) and ask {@link #assess} for the reason when they need it.
     */
    public LevelRule levelOf(double total, Map<String, Double> toolScores) {
        requireNonNull(toolScores, "toolScores is null");
        for (LevelRule rule : levels) {
            if (!Scores.atLeast(total, rule.minTotal())) {
                continue;
            }
            if (rule.minEachTool().isEmpty()) {
                return rule;
            }
            double minimum = rule.minEachTool().getAsDouble();
            boolean failed = toolScores.isEmpty();
            for (Double score : toolScores.values()) {
                if (score == null || !Scores.atLeast(score, minimum)) {
                    failed = true;
                    break;
                }
            }
            if (!failed) {
                return rule;
            }
        }
        throw new IllegalStateException("level scheme " + name + " has no level for total " + total);
    }

    /**
     * The level of a total and its tool scores (tool code → score; a missing tool fails any tool condition).
     */
    public LevelAssessment assess(double total, Map<String, Double> toolScores) {
        requireNonNull(toolScores, "toolScores is null");
        LevelRule missed = null;
        List<Message> failed = List.of();
        for (LevelRule rule : levels) {
            if (!Scores.atLeast(total, rule.minTotal())) {
                continue;
            }
            if (rule.minEachTool().isEmpty()) {
                return assessment(rule, missed, failed, total);
            }
            double minimum = rule.minEachTool().getAsDouble();
            List<Message> failures = new ArrayList<>();
            for (Map.Entry<String, Double> tool : toolScores.entrySet()) {
                Double score = tool.getValue();
                if (score == null) {
                    failures.add(Message.of("level.failure.noScore", "tool", tool.getKey()));
                } else if (!Scores.atLeast(score, minimum)) {
                    failures.add(Message.of("level.failure.below", "tool", tool.getKey(), "score", Scores.format(score),
                            "minimum", Scores.formatThreshold(minimum)));
                }
            }
            if (toolScores.isEmpty()) {
                failures.add(Message.of("level.failure.noToolScores"));
            }
            if (failures.isEmpty()) {
                return assessment(rule, missed, failed, total);
            }
            // The level just above the one reached is the one the reason names: a total of 95.11 with EIT
            // 84.30 misses ผ่านดีเยี่ยม and ผ่านดี; it is ผ่าน, and what keeps it from ผ่านดี is EIT < 85.
            missed = rule;
            failed = failures;
        }
        throw new IllegalStateException("level scheme " + name + " has no level for total " + total);
    }

    /** The reason, from the message catalog ({@code level.reason.*}), in Thai and in English. */
    private LevelAssessment assessment(LevelRule rule, LevelRule missed, List<Message> failed, double total) {
        Message reason;
        if (missed != null) {
            reason = Message.of("level.reason.downgraded", "level", name(rule), "missed", name(missed), "failures", failed);
        } else if (rule.minEachTool().isPresent()) {
            reason = Message.of("level.reason.meetsWithTools", "level", name(rule), "total", Scores.format(total),
                    "minimum", Scores.formatThreshold(rule.minTotal()), "toolMinimum", Scores.formatThreshold(rule.minEachTool().getAsDouble()));
        } else {
            reason = Message.of("level.reason.meets", "level", name(rule), "total", Scores.format(total), "minimum", Scores.formatThreshold(rule.minTotal()));
        }
        Messages messages = Messages.standard();
        return new LevelAssessment(rule, Optional.ofNullable(missed), messages.render(reason, Language.TH), messages.render(reason, Language.EN));
    }

    private static Localized name(LevelRule rule) {
        return new Localized(rule.nameTh(), rule.nameEn());
    }
}
