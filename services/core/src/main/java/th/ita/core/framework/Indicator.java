package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An indicator (ตัวชี้วัด), numbered 1–10 across the tools. Aliases are other names documents use;
 * guidance is what an organization weak in it should do, as published reports carry it.
 */
public record Indicator(String code, int number, String nameTh, String nameEn, String toolCode, List<String> aliases,
                        String guidanceTh, String guidanceEn) {
    public Indicator {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(toolCode, "toolCode is null");
        aliases = List.copyOf(aliases);
        guidanceTh = guidanceTh == null ? "" : guidanceTh;
        guidanceEn = guidanceEn == null ? "" : guidanceEn;
    }
}
