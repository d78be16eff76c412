package th.ita.app.ingest;

import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.score.DataQualityFinding;

/** A data-quality finding: where published figures disagree, with both sides kept. */
@Serdeable
public record FindingView(long organizationId, int year, String metric, String kind, String reported, String derived, String message) {
    public static FindingView of(DataQualityFinding finding) {
        return new FindingView(finding.organizationId(), finding.year(), finding.metric(), finding.kind().name(), finding.reported(),
                finding.derived(), finding.message());
    }
}
