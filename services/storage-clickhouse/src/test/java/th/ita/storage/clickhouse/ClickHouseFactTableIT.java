package th.ita.storage.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;
import th.ita.storage.clickhouse.testing.ResponseDroppingProxy;
import th.ita.storage.clickhouse.testing.TestClickHouse;

/** The fact table against a real ClickHouse: schema, chunked deduplicated inserts, reads by source batch. */
class ClickHouseFactTableIT {
    private static final TenantId TENANT = TenantId.of("demo");
    private TestClickHouse clickHouse;
    private ClickHouseSettings settings;
    private ClickHouseConnections connections;
    private ClickHouseFactTable table;

    @BeforeEach
    void createDatabase() throws Exception {
        clickHouse = TestClickHouse.shared();
        settings = new ClickHouseSettings(clickHouse.serverUrl(), clickHouse.newDatabase("facts"),
                clickHouse.username(), clickHouse.password(), "");
        connections = new ClickHouseConnections(settings);
        ClickHouseSchema schema = new ClickHouseSchema(settings);
        schema.migrate(connections);
        table = new ClickHouseFactTable(connections, schema, 1_000);
    }

    @Test
    void migratesToMergeTreeTablesPartitionedByYearAndOrderedForTheAnalytics() throws Exception {
        new ClickHouseSchema(settings).migrate(connections);
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, engine, partition_key, sorting_key FROM system.tables WHERE database = currentDatabase() ORDER BY name")) {
            Map<String, List<String>> tables = new HashMap<>();
            while (rows.next()) {
                tables.put(rows.getString(1), List.of(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
            assertThat(tables).containsEntry("score_fact",
                    List.of("MergeTree", "fiscal_year", "tenant_id, fiscal_year, organization_id, metric, batch_id, provenance"));
            assertThat(tables.get("quality_finding").get(0)).isEqualTo("MergeTree");
            assertThat(tables).containsKey("ita_schema_migration");
        }
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM ita_schema_migration")) {
            rows.next();
            assertThat(rows.getLong(1)).as("migrated twice, recorded once").isEqualTo(1);
        }
    }

    @Test
    void pinsTheSettingsTheAdapterReliesOnWhateverTheServerDefaultsAre() throws Exception {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT getSetting('async_insert'), getSetting('insert_deduplicate'), getSetting('mutations_sync')")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("false");
            assertThat(rows.getString(2)).isEqualTo("true");
            assertThat(rows.getString(3)).isEqualTo("0");
        }
    }

    @Test
    void writesEveryFactOfAChunkedBatchOnceAndReadsOnlyTheSourceBatches() {
        write(1, 2_567, 2_500, 70.0);
        write(2, 2_567, 2_500, 80.0);
        assertThat(table.countFacts(TENANT, 1)).isEqualTo(2_500 * 2);
        Map<Long, Long> sources = new HashMap<>();
        for (long organization = 1; organization <= 2_500; organization++) {
            sources.put(organization, organization % 2 == 0 ? 2L : 1L);
        }
        List<ScoreFact> facts = table.ofYear(TENANT, 2_567, List.of("total"), sources);
        assertThat(facts).hasSize(2_500);
        assertThat(facts.get(0)).isEqualTo(new ScoreFact(1, 2_567, "total", 71.0, Provenance.REPORTED));
        assertThat(facts.get(1)).isEqualTo(new ScoreFact(2, 2_567, "total", 84.0, Provenance.REPORTED));
        assertThat(table.ofOrganization(TENANT, 4, Map.of(2_567, 1L)))
                .containsExactly(new ScoreFact(4, 2_567, "IIT", 4.0, Provenance.DERIVED), new ScoreFact(4, 2_567, "total", 74.0, Provenance.REPORTED));
        assertThat(table.ofYear(TenantId.of("other"), 2_567, List.of(), sources)).isEmpty();
    }

    @Test
    void aRetriedInsertWhoseAnswerWasLostAddsNothing() throws Exception {
        try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(port(settings.url()))) {
            ClickHouseSettings throughProxy = new ClickHouseSettings("jdbc:clickhouse://127.0.0.1:" + proxy.port(), settings.database(),
                    settings.username(), settings.password(), "");
            ClickHouseFactTable flaky = new ClickHouseFactTable(new ClickHouseConnections(throughProxy), new ClickHouseSchema(throughProxy), 1_000);
            proxy.dropAnswersToInserts(2);
            try (ClickHouseFactTable.FactWriter writer = flaky.writer(TENANT, 7)) {
                for (int organization = 1; organization <= 3_000; organization++) {
                    writer.add(new ScoreFact(organization, 2_568, "total", 50.0, Provenance.REPORTED));
                }
                writer.finish();
            }
            assertThat(proxy.dropped()).as("answers lost, so inserts were sent again").isEqualTo(2);
        }
        assertThat(table.countFacts(TENANT, 7)).isEqualTo(3_000);
    }

    @Test
    void aChunkSentAgainUnderItsTokenAddsNothingEvenWhenItsBytesDiffer() {
        write(5, 2_568, 800, 60.0);
        // The same batch and chunk numbers again, other values: ClickHouse keeps the first by token alone.
        write(5, 2_568, 800, 61.0);
        assertThat(table.countFacts(TENANT, 5)).isEqualTo(1_600);
        assertThat(table.ofOrganization(TENANT, 1, Map.of(2_568, 5L))).extracting(ScoreFact::value).contains(65.0);
    }

    @Test
    void anotherBatchWithTheSameRowsIsNeverTakenForARetry() {
        write(11, 2_568, 800, 60.0);
        write(12, 2_568, 800, 60.0);
        assertThat(table.countFacts(TENANT, 11)).isEqualTo(1_600);
        assertThat(table.countFacts(TENANT, 12)).isEqualTo(1_600);
    }

    @Test
    void discardingABatchRemovesItsFactsAndFindingsOnlyInTheBackground() throws InterruptedException {
        write(1, 2_566, 10, 60.0);
        write(2, 2_566, 10, 60.0);
        try (ClickHouseFactTable.FactWriter writer = table.writer(TENANT, 2)) {
            writer.add(new DataQualityFinding(3, 2_566, "EIT", DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED, "80.00", "81.50", "differs"));
            writer.finish();
        }
        assertThat(table.findingsOfBatch(TENANT, 2, 0, 10)).hasSize(1);
        table.discard(TENANT, 2);
        for (int wait = 0; wait < 600 && table.countFacts(TENANT, 2) > 0; wait++) {
            Thread.sleep(100);
        }
        assertThat(table.countFacts(TENANT, 2)).isZero();
        assertThat(table.findingsOfBatch(TENANT, 2, 0, 10)).isEmpty();
        assertThat(table.countFacts(TENANT, 1)).isEqualTo(20);
    }

    @Test
    void rowsAddedAfterTheLastFinishAreNotWritten() {
        try (ClickHouseFactTable.FactWriter writer = table.writer(TENANT, 9)) {
            writer.add(new ScoreFact(1, 2_568, "total", 50.0, Provenance.REPORTED));
        }
        assertThat(table.countFacts(TENANT, 9)).isZero();
    }

    private void write(long batchId, int year, int organizations, double base) {
        try (ClickHouseFactTable.FactWriter writer = table.writer(TENANT, batchId)) {
            for (long organization = 1; organization <= organizations; organization++) {
                writer.add(new ScoreFact(organization, year, "total", base + organization % 10 * batchId, Provenance.REPORTED));
                writer.add(new ScoreFact(organization, year, "IIT", organization % 10, Provenance.DERIVED));
            }
            writer.finish();
        }
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
