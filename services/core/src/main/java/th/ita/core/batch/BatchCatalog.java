package th.ita.core.batch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import th.ita.core.message.Message;
import th.ita.core.score.OrgYear;
import th.ita.core.tenant.TenantId;

/**
 * The batches of each tenant and which published batch is the current source of each org-year
 * (port). Publishing is the single commit point of an upload: until {@link #publish} the facts,
 * organizations and aliases written under a batch are invisible; at it they become visible all at
 * once, on every node reading the same catalog.
 */
public interface BatchCatalog {
    /** Starts a batch in LOADING state, owned by the node that loads it ({@code owner}). */
    IngestBatch start(TenantId tenant, String fileName, String checksum, String format, String owner);

    /** Records that the owner of a LOADING batch is still at work on it. */
    void heartbeat(TenantId tenant, long batchId);

    /** The published batch of this tenant with this checksum, if the same file was loaded before. */
    Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum);

    Optional<IngestBatch> batch(TenantId tenant, long batchId);

    /** Newest first. */
    List<IngestBatch> list(TenantId tenant, int limit);

    /** The tenant's batches still LOADING, with their owners and heartbeats. */
    List<IngestBatch> loading(TenantId tenant);

    /** Tenants with at least one batch still LOADING. */
    Set<TenantId> tenantsWithLoadingBatches();

    void addErrors(TenantId tenant, long batchId, List<RowError> errors);

    /** Row errors in file order, a page at a time. */
    List<RowError> errors(TenantId tenant, long batchId, int offset, int limit);

    /**
     * Makes a LOADING batch the current source of each of its org-years and marks it PUBLISHED, all at
     * once; its organizations and aliases become visible with it. The facts must already be written.
     *
     * @throws th.ita.core.error.ItaException CONFLICT when the batch is not LOADING any more
     */
    void publish(TenantId tenant, long batchId, Collection<OrgYear> orgYears, BatchCounts counts);

    /**
     * Marks a LOADING batch FAILED with its reason (a catalog message, read in each reader's language) and forgets the organizations and aliases registered
     * under it. Returns false, changing nothing, when the batch is not LOADING (published or failed).
     */
    boolean fail(TenantId tenant, long batchId, Message reason, BatchCounts counts);

    /**
     * The tenant's publication version: it grows with every batch published and with nothing else, so
     * a copy of current scores made at one version is stale exactly when the version moved on.
     */
    long publishedVersion(TenantId tenant);
}
