package th.ita.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import th.ita.core.batch.IngestBatch;
import th.ita.core.message.Language;

/**
 * A batch as the API shows it; see {@link IngestBatch} for what each count means. {@code failure}: why a
 * FAILED batch failed, in the caller's language; {@code failureKey}: its catalog key, stable for scripts
 * (absent for a batch failed before the catalog held its reason, whose stored text is shown as it is).
 */
@Serdeable
public record BatchView(
        long id,
        String fileName,
        String checksum,
        String format,
        String status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long rowsRead,
        long scoresAccepted,
        long scoresDerived,
        long rowsRejected,
        long findings,
        long orgYears,
        @Nullable String failure,
        @Nullable String failureKey) {

    static BatchView of(IngestBatch batch, @Nullable Language language) {
        Language reader = language == null ? Language.TH : language;
        return new BatchView(batch.id(), batch.fileName(), batch.checksum(), batch.format(), batch.status().name(), batch.startedAt(),
                batch.finishedAt(), batch.rowsRead(), batch.scoresAccepted(), batch.scoresDerived(), batch.rowsRejected(), batch.findings(),
                batch.orgYears(), batch.failure() == null ? null : batch.failure().in(reader),
                batch.failure() == null ? null : batch.failure().key().orElse(null));
    }
}
