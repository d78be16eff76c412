package th.ita.storage.clickhouse;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.CurrentSources;
import th.ita.core.error.ItaException;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.ScoreHistory;

/**
 * The ClickHouse fact store, chosen with {@code ita.store.facts: clickhouse} ({@code ITA_STORE_FACTS}).
 * The schema is migrated at start-up, so a wrong URL or password stops the platform with the reason.
 */
@Factory
@Requires(property = ClickHouseStoreFactory.FACT_STORE, value = "clickhouse")
class ClickHouseStoreFactory {
    static final String FACT_STORE = "ita.store.facts";

    @Context
    ClickHouseFactTable factTable(@Value("${ita.clickhouse.url}") String url,
                                  @Value("${ita.clickhouse.database:ita}") String database,
                                  @Value("${ita.clickhouse.username:default}") String username,
                                  @Value("${ita.clickhouse.password:}") String password,
                                  @Value("${ita.clickhouse.cluster:}") String cluster,
                                  @Value("${ita.clickhouse.chunk:50000}") int chunk) {
        ClickHouseSettings settings = new ClickHouseSettings(url, database, username, password, cluster);
        ClickHouseConnections connections = new ClickHouseConnections(settings);
        ClickHouseSchema schema = new ClickHouseSchema(settings);
        try {
            schema.migrate(connections);
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot reach or migrate ClickHouse at " + url + " (database " + database + "): "
                    + e.getMessage(), e);
        }
        return new ClickHouseFactTable(connections, schema, chunk);
    }

    @Singleton
    ScoreFacts scoreFacts(ClickHouseFactTable table, BatchCatalog catalog) {
        return new ClickHouseScoreFacts(table, catalog);
    }

    @Singleton
    CurrentScores currentScores(ClickHouseFactTable table, CurrentSources sources) {
        return new ClickHouseCurrentScores(table, sources);
    }

    @Singleton
    ScoreHistory scoreHistory(ClickHouseFactTable table, CurrentSources sources) {
        return new ClickHouseScoreHistory(table, sources);
    }
}
