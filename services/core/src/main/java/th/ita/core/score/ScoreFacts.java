package th.ita.core.score;

import java.util.List;
import th.ita.core.tenant.TenantId;

/**
 * Score facts and data-quality findings, append-only, written under a batch (port). Writing them
 * makes nothing visible: the {@link th.ita.core.batch.BatchCatalog} publishes a batch, and only then
 * do its facts count as current. Facts of replaced batches stay stored, so earlier values remain
 * traceable.
 */
public interface ScoreFacts {
    /** Opens a writer for a LOADING batch. */
    Writer writer(TenantId tenant, long batchId);

    /** Removes what a batch that was never published wrote (invisible anyway; this frees the space). */
    void discard(TenantId tenant, long batchId);

    /** The findings a batch recorded, a page at a time. */
    List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit);

    /** Writes a batch's facts; not thread-safe. */
    interface Writer extends AutoCloseable {
        void add(ScoreFact fact);

        void add(DataQualityFinding finding);

        /** Makes everything added durable (still invisible); the batch can then be published. */
        void finish();

        /** Releases the writer; what was not finished may be lost. */
        @Override
        void close();
    }
}
