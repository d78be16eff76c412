package th.ita.app;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import th.ita.storage.clickhouse.testing.TestClickHouse;

/**
 * The national demo dataset with its 1.28 million score facts in a real ClickHouse (the catalog, users and
 * organizations in H2): the same answers as on the embedded default.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseDemoDatasetIT extends DemoDatasetContract {
    @Override
    protected Map<String, String> storeProperties() {
        TestClickHouse clickHouse = TestClickHouse.shared();
        return Map.of(
                "ita.store.facts", "clickhouse",
                "ita.clickhouse.url", clickHouse.serverUrl(),
                "ita.clickhouse.database", clickHouse.newDatabase("demo_dataset"),
                "ita.clickhouse.username", clickHouse.username(),
                "ita.clickhouse.password", clickHouse.password());
    }
}
