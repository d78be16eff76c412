package th.ita.app.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** Ingestion over HTTP on a real PostgreSQL server (embedded, no Docker), configured as users would. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIngestOverHttpIT extends IngestOverHttpContract implements TestPropertyProvider {
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> getProperties() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            return Map.of(
                    "ita.data-directory", Files.createTempDirectory("ita-pg-it").toString(),
                    "ita.demo.load-on-start", "false",
                    "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres",
                    "datasources.default.driver-class-name", "org.postgresql.Driver",
                    "datasources.default.dialect", "POSTGRES");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
