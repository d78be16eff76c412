package th.ita.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import th.ita.core.batch.IngestBatch;

/** A batch as the API shows it; see {@link IngestBatch} for what each count means. */
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
        @Nullable String failure) {

    static BatchView of(IngestBatch batch) {
        return new BatchView(batch.id(), batch.fileName(), batch.checksum(), batch.format(), batch.status().name(), batch.startedAt(),
                batch.finishedAt(), batch.rowsRead(), batch.scoresAccepted(), batch.scoresDerived(), batch.rowsRejected(), batch.findings(),
                batch.orgYears(), batch.failure());
    }
}
