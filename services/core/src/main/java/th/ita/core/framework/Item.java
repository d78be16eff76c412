package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

/**
 * An item (ข้อ) of a year's questionnaire or checklist; groupTh is the OIT group heading, if any.
 * {@code channel} is the collection channel where an indicator is collected through several (from 2568
 * the EIT: "Public" and "Survey"); the indicator is then the mean of its channels' item means.
 */
public record Item(String code, String indicatorCode, String groupTh, String textTh, String channel) {
    public Item {
        requireNonNull(code, "code is null");
        requireNonNull(indicatorCode, "indicatorCode is null");
        textTh = textTh == null ? "" : textTh;
    }

    public Item(String code, String indicatorCode, String groupTh, String textTh) {
        this(code, indicatorCode, groupTh, textTh, null);
    }
}
