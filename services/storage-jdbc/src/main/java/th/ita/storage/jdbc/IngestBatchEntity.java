package th.ita.storage.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("ingest_batch")
record IngestBatchEntity(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
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
        String owner,
        @Nullable Instant heartbeatAt,
        @Nullable String failureKey,
        @Nullable String failureParameters) {
}
