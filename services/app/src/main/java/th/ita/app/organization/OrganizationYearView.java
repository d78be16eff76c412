package th.ita.app.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import th.ita.app.ingest.FindingView;

/**
 * One fiscal year (BE) of an organization: every metric with its reported and derived value side by
 * side ({@code value} is the one used: reported where there is one), the level with its reason, the
 * data-quality findings, and the methodology changes of that year's framework; {@code name}, {@code reason}
 * and the methodology changes are in the caller's language. Published and derived side by side:
 * {@code reportedLevel} and {@code reportedRank} as the source published them, {@code derivedLevel} the
 * level the figures below the total give where it differs from {@code level}. {@code masked}: the
 * caller sees a peer's total and level only, as ITA publishes them.
 */
@Serdeable
public record OrganizationYearView(
        int year,
        @Nullable LevelView level,
        @Nullable PublishedLevelView reportedLevel,
        @Nullable LevelView derivedLevel,
        @Nullable Integer reportedRank,
        boolean masked,
        List<MetricValueView> scores,
        List<FindingView> findings,
        List<String> methodologyChanges) {

    @Serdeable
    public record LevelView(String code, String nameTh, String nameEn, String reasonTh, String reasonEn, boolean downgraded, String name, String reason) {
    }

    @Serdeable
    public record PublishedLevelView(String code, String nameTh, String nameEn) {
    }

    @Serdeable
    public record MetricValueView(String metric, String kind, String nameTh, String nameEn, @Nullable String parent,
                                  @Nullable Double reported, @Nullable Double derived, double value, String name) {
    }
}
