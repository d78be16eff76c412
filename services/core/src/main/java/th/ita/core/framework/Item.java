package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

/** An item (ข้อ) of a year's questionnaire or checklist; groupTh is the OIT group heading, if any. */
public record Item(String code, String indicatorCode, String groupTh, String textTh) {
    public Item {
        requireNonNull(code, "code is null");
        requireNonNull(indicatorCode, "indicatorCode is null");
        textTh = textTh == null ? "" : textTh;
    }
}
