package th.ita.core.framework;

import static java.util.Objects.requireNonNull;

/**
 * A heading that groups checklist items of an indicator (the OIT's sub-indicators: ind9 has five, ind10 two in
 * 2568). Reports publish a score per group (seed 002: การส่งเสริมคุณธรรมและความโปร่งใส 80.00), so a group is a
 * metric of its own — derived as the mean of its items and compared with what was published.
 * Items name their group by its Thai heading ({@code group_th}), as the reports print it.
 */
public record ItemGroup(String code, String indicatorCode, String nameTh, String nameEn) {
    public ItemGroup {
        requireNonNull(code, "code is null");
        requireNonNull(indicatorCode, "indicatorCode is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
