package th.ita.core.batch;

import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** Batch metadata and row errors of each tenant (port). */
public interface IngestBatches {
    /** Starts a batch in LOADING state. */
    IngestBatch start(TenantId tenant, String fileName, String checksum, String format);

    /** The published batch of this tenant with this checksum, if the same file was loaded before. */
    Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum);

    Optional<IngestBatch> batch(TenantId tenant, long batchId);

    /** Newest first. */
    List<IngestBatch> list(TenantId tenant, int limit);

    void addErrors(TenantId tenant, long batchId, List<RowError> errors);

    /** Row errors in file order, a page at a time. */
    List<RowError> errors(TenantId tenant, long batchId, int offset, int limit);

    /** Marks a batch FAILED with its reason; its rows (if any) must already be discarded. */
    void fail(TenantId tenant, long batchId, String reason, BatchCounts counts);
}
