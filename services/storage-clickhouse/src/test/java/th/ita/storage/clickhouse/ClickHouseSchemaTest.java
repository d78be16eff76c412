package th.ita.storage.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickHouseSchemaTest {
    static final Path CLUSTER_SCHEMA = Path.of(System.getProperty("basedir", "."))
            .resolve("../../deploy/kubernetes/clickhouse/schema.sql").normalize();

    private static final ClickHouseSettings ONE_NODE = new ClickHouseSettings("jdbc:clickhouse://localhost:8123", "ita", "default", "", "");
    private static final ClickHouseSettings CLUSTER = new ClickHouseSettings("jdbc:clickhouse://localhost:8123", "ita", "default", "", "ita");

    @Test
    void oneNodeHasPlainMergeTreeTablesWithADeduplicationWindow() {
        String ddl = String.join("\n", new ClickHouseSchema(ONE_NODE).statements());
        assertThat(ddl).contains("CREATE TABLE IF NOT EXISTS ita.score_fact (", "ENGINE = MergeTree\nPARTITION BY fiscal_year",
                "ORDER BY (tenant_id, fiscal_year, organization_id, metric, batch_id, provenance)",
                "non_replicated_deduplication_window = 10000").doesNotContain("ON CLUSTER", "Replicated", "Distributed");
    }

    @Test
    void aClusterHasReplicatedLocalTablesBehindDistributedOnesAllCreatedOnCluster() {
        List<String> statements = new ClickHouseSchema(CLUSTER).statements();
        assertThat(statements).allMatch(statement -> statement.contains(" ON CLUSTER ita"));
        assertThat(String.join("\n", statements)).contains(
                "CREATE TABLE IF NOT EXISTS ita.score_fact_local ON CLUSTER ita (",
                "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/ita/score_fact', '{replica}')",
                "replicated_deduplication_window = 10000",
                "CREATE TABLE IF NOT EXISTS ita.score_fact ON CLUSTER ita AS ita.score_fact_local\nENGINE = Distributed(ita, ita, score_fact_local, sipHash64(tenant_id, organization_id))");
        ClickHouseSchema schema = new ClickHouseSchema(CLUSTER);
        assertThat(schema.table(ClickHouseSchema.SCORE_FACT)).isEqualTo("ita.score_fact");
        assertThat(schema.storageTable(ClickHouseSchema.SCORE_FACT)).isEqualTo("ita.score_fact_local");
    }

    @Test
    void clusterModePinsSynchronousDistributedInsertsAndQuorumReads() {
        assertThat(ClickHouseConnections.pinnedSettings(CLUSTER)).containsEntry("distributed_foreground_insert", "1")
                .containsEntry("insert_quorum", "auto").containsEntry("select_sequential_consistency", "1");
        assertThat(ClickHouseConnections.pinnedSettings(ONE_NODE)).containsOnlyKeys("async_insert", "insert_deduplicate", "mutations_sync");
    }

    /** The operators' copy of the cluster DDL is what the adapter runs; regenerate with -Dita.regenerate=true. */
    @Test
    void theDeployedClusterSchemaIsTheOneTheAdapterCreates() throws Exception {
        String expected = render(new ClickHouseSchema(CLUSTER).statements());
        if (Boolean.getBoolean("ita.regenerate")) {
            Files.writeString(CLUSTER_SCHEMA, expected);
        }
        assertThat(Files.readString(CLUSTER_SCHEMA)).isEqualTo(expected);
    }

    static String render(List<String> statements) {
        return "-- Generated from ClickHouseSchema (cluster \"ita\", database \"ita\"); the platform runs the same DDL at start-up\n"
                + "-- in cluster mode (ITA_CLICKHOUSE_CLUSTER=ita). Regenerate: ./mvnw -pl services/storage-clickhouse -am test\n"
                + "-- -Dtest=ClickHouseSchemaTest -Dita.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false\n\n"
                + String.join(";\n\n", statements) + ";\n";
    }
}
