package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

/**
 * Anything a score is reported for: the total, a tool, an indicator or an item. {@code parentCode}
 * is what it rolls up into (the tool of an indicator, the indicator of an item; "total" for a tool).
 * {@code slot} is the metric's position in its framework, for compact per-org-year arrays.
 */
public record Metric(String code, MetricKind kind, String nameTh, String nameEn, String parentCode, String groupTh, int slot) {
    public static final String TOTAL = "total";
    /**
     * Facts a source publishes beside the scores, stored under these metric codes with REPORTED provenance:
     * the published level, as its position in the year's scheme (1 = best: AA, ผ่านดีเยี่ยม), and the
     * published rank ("ลำดับที่ 50 ของหน่วยงานประเภท อปท. ในจังหวัดเชียงราย"). They are not scores.
     */
    public static final String REPORTED_LEVEL = "reported_level";
    public static final String REPORTED_RANK = "reported_rank";

    public Metric {
        requireNonNull(code, "code is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
