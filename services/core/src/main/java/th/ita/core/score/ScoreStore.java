package th.ita.core.score;

import java.util.Collection;
import java.util.List;
import th.ita.core.batch.BatchCounts;
import th.ita.core.tenant.TenantId;

/**
 * Score facts of each tenant (port). Facts are written under a batch and stay invisible until the
 * batch is published; publishing makes the batch the current source of each of its org-years, all
 * at once. Facts of replaced batches stay stored, so earlier values remain traceable.
 */
public interface ScoreStore {
    /** Opens a writer for a LOADING batch. Closing it without publishing discards what it wrote. */
    BatchWriter open(TenantId tenant, long batchId);

    /** Current facts of one organization, all years (reported and derived). */
    List<ScoreFact> currentScores(TenantId tenant, long organizationId);

    /** Current facts of every organization of the tenant for one year and the given metrics (all metrics when empty). */
    List<ScoreFact> currentScores(TenantId tenant, int year, Collection<String> metrics);

    /** Every stored value of an org-year for a metric, from every published batch, oldest first. */
    List<HistoricalScore> history(TenantId tenant, long organizationId, int year, String metric);

    /** Findings of the org-years currently sourced from their batch. */
    List<DataQualityFinding> currentFindings(TenantId tenant, long organizationId);

    List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit);

    /** Number of current facts of a tenant. */
    long countCurrentScores(TenantId tenant);

    /** Discards the facts of batches left LOADING by a crash and marks them FAILED. Returns how many. */
    int discardUnfinishedBatches();

    /** Writes a batch's facts; not thread-safe. */
    interface BatchWriter extends AutoCloseable {
        void add(ScoreFact fact);

        void add(DataQualityFinding finding);

        /** Makes the batch current for its org-years and marks it PUBLISHED, in one transaction. */
        void publish(Collection<OrgYear> orgYears, BatchCounts counts);

        /** Discards everything written unless published. */
        @Override
        void close();
    }

    /** A value of an org-year as one batch had it. */
    record HistoricalScore(long batchId, double value, Provenance provenance, boolean current) {
    }
}
