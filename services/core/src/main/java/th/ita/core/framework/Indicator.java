package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An indicator (ตัวชี้วัด), numbered 1–10 across the tools. Aliases are other names documents use;
 * guidance is what an organization weak in it should do, as published reports carry it. The analysis
 * report's texts are Thai, as the documents are: {@code defectTh} (ข้อบกพร่อง, what a low score says is
 * wrong), {@code keepLevelTh} (รักษาระดับ, what a strong organization keeps doing), {@code measureTh}
 * (a measure for next year's plan) and {@code stepsTh} (its steps); empty where the framework has none.
 */
public record Indicator(String code, int number, String nameTh, String nameEn, String toolCode, List<String> aliases,
                        String guidanceTh, String guidanceEn, String defectTh, String keepLevelTh, String measureTh, String stepsTh) {
    public Indicator {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(toolCode, "toolCode is null");
        aliases = List.copyOf(aliases);
        guidanceTh = guidanceTh == null ? "" : guidanceTh;
        guidanceEn = guidanceEn == null ? "" : guidanceEn;
        defectTh = defectTh == null ? "" : defectTh;
        keepLevelTh = keepLevelTh == null ? "" : keepLevelTh;
        measureTh = measureTh == null ? "" : measureTh;
        stepsTh = stepsTh == null ? "" : stepsTh;
    }

    /** An indicator without the analysis report's texts. */
    public Indicator(String code, int number, String nameTh, String nameEn, String toolCode, List<String> aliases,
                     String guidanceTh, String guidanceEn) {
        this(code, number, nameTh, nameEn, toolCode, aliases, guidanceTh, guidanceEn, null, null, null, null);
    }
}
