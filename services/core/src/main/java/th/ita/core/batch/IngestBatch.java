package th.ita.core.batch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/**
 * One upload: its file, checksum (SHA-256 of the bytes, so the same file is recognised), counts and
 * status. {@code rowsRead}: data rows read; {@code scoresAccepted}: reported scores kept;
 * {@code scoresDerived}: derived scores stored; {@code rowsRejected}: rows or cells rejected;
 * {@code findings}: data-quality findings; {@code orgYears}: org-years this batch made current.
 * {@code failure}: why a FAILED batch failed (null otherwise).
 * {@code owner}: the node that loads (or loaded) it; {@code heartbeatAt}: when that node last said it
 * was still at work on it.
 */
public record IngestBatch(
        long id,
        TenantId tenant,
        String fileName,
        String checksum,
        String format,
        BatchStatus status,
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long scoresAccepted,
        long scoresDerived,
        long rowsRejected,
        long findings,
        long orgYears,
        BatchFailure failure,
        String owner,
        Instant heartbeatAt) {

    public IngestBatch {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(checksum, "checksum is null");
        requireNonNull(format, "format is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        owner = owner == null ? "" : owner;
        heartbeatAt = heartbeatAt == null ? startedAt : heartbeatAt;
    }
}
