package th.ita.storage.jdbc;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import th.ita.core.batch.IngestBatches;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreStore;
import th.ita.core.score.ScoreStoreContract;

/** The store contract on a real PostgreSQL server, started embedded (no Docker). */
class PostgresScoreStoreIT extends ScoreStoreContract {
    private static EmbeddedPostgres postgres;
    private static ApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        context = JdbcStoreTestSupport.start(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "POSTGRES");
    }

    @AfterAll
    static void stop() throws IOException {
        if (context != null) {
            context.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

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
