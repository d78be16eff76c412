package th.ita.storage.jdbc;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.IngestBatches;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreStore;
import th.ita.core.score.ScoreStoreContract;

/** The store contract on the embedded default: an H2 file database in PostgreSQL mode. */
class H2ScoreStoreTest extends ScoreStoreContract {
    @TempDir
    static Path directory;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = JdbcStoreTestSupport.start(
                "jdbc:h2:file:" + directory.resolve("ita") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", "H2");
    }

    @AfterAll
    static void stop() {
        context.close();
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
