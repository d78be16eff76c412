package th.ita.core.score;

import th.ita.core.batch.IngestBatches;
import th.ita.core.organization.Organizations;
import th.ita.core.testing.InMemoryStore;

/** The in-memory fake must behave like the real stores, or tests built on it prove nothing. */
class InMemoryScoreStoreTest extends ScoreStoreContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected ScoreStore scores() {
        return store;
    }

    @Override
    protected Organizations organizations() {
        return store;
    }

    @Override
    protected IngestBatches batches() {
        return store;
    }
}
