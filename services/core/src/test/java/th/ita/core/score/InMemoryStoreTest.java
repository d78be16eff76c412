package th.ita.core.score;

import th.ita.core.batch.BatchCatalog;
import th.ita.core.organization.Organizations;
import th.ita.core.testing.InMemoryStore;

/** The in-memory fake must behave like the real stores, or tests built on it prove nothing. */
class InMemoryStoreTest extends StoreContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected Organizations organizations() {
        return store;
    }

    @Override
    protected BatchCatalog catalog() {
        return store;
    }

    @Override
    protected ScoreFacts facts() {
        return store;
    }

    @Override
    protected CurrentScores current() {
        return store;
    }

    @Override
    protected ScoreHistory history() {
        return store;
    }
}
