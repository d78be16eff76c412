package th.ita.app;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.core.batch.ReclaimAbandonedBatches;

/**
 * While running, fails now and then the batches of nodes that died mid-upload (their heartbeat went
 * stale), so their invisible rows and the codes of organizations they registered are freed without
 * waiting for that node to come back.
 */
@Singleton
class AbandonedBatchesSweep {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedBatchesSweep.class);
    private final ReclaimAbandonedBatches abandoned;

    AbandonedBatchesSweep(ReclaimAbandonedBatches abandoned) {
        this.abandoned = abandoned;
    }

    @Scheduled(initialDelay = "${ita.node.sweep-every:1m}", fixedDelay = "${ita.node.sweep-every:1m}")
    void sweep() {
        try {
            int failed = abandoned.stale();
            if (failed > 0) {
                LOG.warn("{} batch(es) of nodes that stopped sending heartbeats are marked FAILED; nothing of them had been published", failed);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot sweep abandoned batches: {}", e.getMessage());
        }
    }
}
