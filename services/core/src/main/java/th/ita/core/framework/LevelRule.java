package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/** One level of a scheme: reached when total ≥ minTotal and, if set, every tool ≥ minEachTool. */
public record LevelRule(String code, String nameTh, String nameEn, double minTotal, OptionalDouble minEachTool) {
    public LevelRule {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(minEachTool, "minEachTool is null");
    }
}
