package th.ita.core.batch;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import th.ita.core.message.Message;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;

/**
 * Fails the LOADING batches whose loader is gone and frees what they wrote (use case). Several nodes
 * may load into one catalog at once, so a node takes only batches that are abandoned: see
 * {@link #isAbandoned}. Nothing of an abandoned batch was ever visible.
 */
public final class ReclaimAbandonedBatches {
    static final Message REASON = Message.of("batch.failure.interrupted");
    private final BatchCatalog catalog;
    private final ScoreFacts facts;
    private final String node;
    private final Duration staleAfter;
    private final Clock clock;

    /**
     * @param node this node's id, as it owns the batches it starts
     * @param staleAfter how long a batch may go without a heartbeat before its owner counts as dead
     */
    public ReclaimAbandonedBatches(BatchCatalog catalog, ScoreFacts facts, String node, Duration staleAfter, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.facts = requireNonNull(facts, "facts is null");
        this.node = requireNonNull(node, "node is null");
        this.staleAfter = requireNonNull(staleAfter, "staleAfter is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The policy: a LOADING batch is abandoned when its owner has not sent a heartbeat for
     * {@code staleAfter} (the owner died or hangs), or when it belongs to this very node and this node
     * has just started (its earlier run died with the batch). A live node's fresh batch never is.
     */
    public static boolean isAbandoned(IngestBatch batch, String node, boolean justStarted, Instant now, Duration staleAfter) {
        if (batch.status() != BatchStatus.LOADING) {
            return false;
        }
        boolean ownEarlierRun = justStarted && batch.owner().equals(node);
        boolean silent = batch.heartbeatAt().plus(staleAfter).isBefore(now);
        return ownEarlierRun || silent;
    }

    /** At start: every tenant's batches abandoned by this node's earlier run or by dead nodes. */
    public int atStart() {
        int reclaimed = 0;
        for (TenantId tenant : catalog.tenantsWithLoadingBatches()) {
            reclaimed += reclaim(tenant, true);
        }
        return reclaimed;
    }

    /** While running: the batches of dead nodes only. */
    public int stale() {
        int reclaimed = 0;
        for (TenantId tenant : catalog.tenantsWithLoadingBatches()) {
            reclaimed += reclaim(tenant, false);
        }
        return reclaimed;
    }

    /** The abandoned batches of one tenant; returns how many were failed. */
    public int reclaim(TenantId tenant, boolean justStarted) {
        Instant now = clock.instant();
        int reclaimed = 0;
        for (IngestBatch batch : catalog.loading(tenant)) {
            if (isAbandoned(batch, node, justStarted, now, staleAfter)
                    && catalog.fail(tenant, batch.id(), REASON, new BatchCounts(batch.rowsRead(), 0, 0, batch.rowsRejected(), 0, 0))) {
                facts.discard(tenant, batch.id());
                reclaimed++;
            }
        }
        return reclaimed;
    }
}
