package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The level of an org-year and why: "ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 83.20 < 85". {@code missedLevel} is the
 * better level whose total condition held but a tool condition did not (a downgrade), if any.
 */
public record LevelAssessment(LevelRule level, Optional<LevelRule> missedLevel, String reasonTh, String reasonEn) {
    public LevelAssessment {
        requireNonNull(level, "level is null");
        requireNonNull(missedLevel, "missedLevel is null");
        requireNonNull(reasonTh, "reasonTh is null");
        requireNonNull(reasonEn, "reasonEn is null");
    }

    public boolean downgraded() {
        return missedLevel.isPresent();
    }
}
