package th.ita.app.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import th.ita.storage.clickhouse.testing.TestClickHouse;

/**
 * Ingestion and analytics over HTTP with the score facts in a real ClickHouse (the catalog, users and
 * organizations in H2), configured as users would: the same tests, the same answers as on H2 and PostgreSQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseIngestOverHttpIT extends IngestOverHttpContract implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        TestClickHouse clickHouse = TestClickHouse.shared();
        try {
            return Map.of(
                    "ita.data-directory", Files.createTempDirectory("ita-ch-it").toString(),
                    "ita.demo.load-on-start", "false",
                    "ita.store.facts", "clickhouse",
                    "ita.clickhouse.url", clickHouse.serverUrl(),
                    "ita.clickhouse.database", clickHouse.newDatabase("ingest_http"),
                    "ita.clickhouse.username", clickHouse.username(),
                    "ita.clickhouse.password", clickHouse.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
