package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An indicator (ตัวชี้วัด), numbered 1–10 across the tools. Aliases are other names documents use. */
public record Indicator(String code, int number, String nameTh, String nameEn, String toolCode, List<String> aliases) {
    public Indicator {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(toolCode, "toolCode is null");
        aliases = List.copyOf(aliases);
    }
}
