package th.ita.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database in PostgreSQL mode. */
class H2StoreTest extends JdbcStoreContract {
    @TempDir
    static Path directory;

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
}
