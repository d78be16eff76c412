package th.ita.app.ingest;

import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;
import th.ita.core.score.DataQualityFinding;

/**
 * A data-quality finding: where published figures disagree, with both sides kept. {@code kind} is the
 * stable code; {@code message} says it in the caller's language (catalog {@code finding.<kind>}).
 */
@Serdeable
public record FindingView(long organizationId, int year, String metric, String kind, String reported, String derived, String message) {
    public static FindingView of(DataQualityFinding finding, Language language) {
        return new FindingView(finding.organizationId(), finding.year(), finding.metric(), finding.kind().name(), finding.reported(),
                finding.derived(), Messages.standard().render(finding.reason(), language));
    }
}
