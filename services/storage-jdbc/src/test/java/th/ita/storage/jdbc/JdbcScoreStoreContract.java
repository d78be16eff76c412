package th.ita.storage.jdbc;

import io.micronaut.context.ApplicationContext;
import th.ita.core.batch.IngestBatches;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreStore;
import th.ita.core.score.ScoreStoreContract;

/** The store contract on the JDBC adapter, whatever database the subclass starts it on. */
abstract class JdbcScoreStoreContract extends ScoreStoreContract {
    static ApplicationContext context;

    @Override
    protected ScoreStore scores() {
        return context.getBean(ScoreStore.class);
    }

    @Override
    protected Organizations organizations() {
        return context.getBean(Organizations.class);
    }

    @Override
    protected IngestBatches batches() {
        return context.getBean(IngestBatches.class);
    }
}
