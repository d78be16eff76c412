package th.ita.storage.clickhouse;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.ScoreHistory;
import th.ita.core.score.StoreContract;
import th.ita.storage.clickhouse.testing.TestClickHouse;

/**
 * The shared store contract with the facts in a real ClickHouse and the catalog, organizations and row
 * errors in H2, wired as the application wires them ({@code ita.store.facts: clickhouse}). Every
 * behaviour of the contract holds, so none is switched off.
 */
class ClickHouseStoreIT extends StoreContract {
    /** Small chunks, so "many facts" spans several deduplicated INSERTs and a partial one. */
    static final int CHUNK = 1_000;
    @TempDir
    static Path directory;
    static ApplicationContext context;

    @BeforeAll
    static void start() {
        TestClickHouse clickHouse = TestClickHouse.shared();
        context = ApplicationContext.run(properties(clickHouse, clickHouse.newDatabase("contract"), directory));
    }

    static Map<String, Object> properties(TestClickHouse clickHouse, String database, Path directory) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:file:" + directory.resolve("ita")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.dialect", "H2");
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("ita.store.facts", "clickhouse");
        properties.put("ita.clickhouse.url", clickHouse.serverUrl());
        properties.put("ita.clickhouse.database", database);
        properties.put("ita.clickhouse.username", clickHouse.username());
        properties.put("ita.clickhouse.password", clickHouse.password());
        properties.put("ita.clickhouse.chunk", CHUNK);
        return properties;
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

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

    @Override
    protected int manyFacts() {
        return 2 * CHUNK + CHUNK / 2 + 1;
    }
}
