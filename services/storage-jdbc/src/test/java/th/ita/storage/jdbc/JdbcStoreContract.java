package th.ita.storage.jdbc;

import io.micronaut.context.ApplicationContext;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.ScoreHistory;
import th.ita.core.score.StoreContract;

/** The store contract on the JDBC adapter, whatever database the subclass starts it on. */
abstract class JdbcStoreContract extends StoreContract {
    static ApplicationContext context;

    @Override
    protected Organizations organizations() {
        return context.getBean(Organizations.class);
    }

    @Override
    protected BatchCatalog catalog() {
        return context.getBean(BatchCatalog.class);
    }

    @Override
    protected ScoreFacts facts() {
        return context.getBean(ScoreFacts.class);
    }

    @Override
    protected CurrentScores current() {
        return context.getBean(CurrentScores.class);
    }

    @Override
    protected ScoreHistory history() {
        return context.getBean(ScoreHistory.class);
    }

    /** More than two of the writer's chunks and a partial one: what it commits before publishing is covered. */
    @Override
    protected int manyFacts() {
        return 2 * JdbcScoreFacts.CHUNK + JdbcScoreFacts.CHUNK / 2 + 1;
    }
}
