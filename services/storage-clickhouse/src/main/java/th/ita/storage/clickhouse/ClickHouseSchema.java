package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter's tables and their migrations, for one node or a cluster. Why the tables look as they do
 * is written down in README.md; in short:
 * <ul>
 * <li>append-only MergeTree, no Replacing/Collapsing engine: correctness never waits for a background
 * merge. A batch's facts carry its id; which batch is current for an org-year is decided by the
 * relational batch catalog, so a fact of an unpublished batch is never read;</li>
 * <li>{@code PARTITION BY fiscal_year}: ten years make ten partitions, a year's reads touch one;</li>
 * <li>{@code ORDER BY (tenant_id, fiscal_year, organization_id, metric, batch_id, provenance)}: the
 * analytics read a tenant's year, the pages read an organization, history reads an org-year's metric;</li>
 * <li>a deduplication window on every table, so a retried INSERT with the same token adds nothing.</li>
 * </ul>
 * On a cluster each table {@code T} is {@code T_local}, ReplicatedMergeTree on every shard (ClickHouse
 * Keeper keeps the replicas in step), with a Distributed table {@code T} over it sharded by tenant and
 * organization; DDL runs {@code ON CLUSTER}.
 */
final class ClickHouseSchema {
    static final String SCORE_FACT = "score_fact";
    static final String QUALITY_FINDING = "quality_finding";
    static final String MIGRATIONS_TABLE = "ita_schema_migration";
    /** Blocks remembered per table for deduplication: far more than the chunks a retry can repeat. */
    static final int DEDUPLICATION_WINDOW = 10_000;

    /** A table as the adapter sees it; rendered as MergeTree on one node, Replicated + Distributed on a cluster. */
    record Table(String name, String columns, String partitionBy, String orderBy, String shardingKey) {
        Table {
            requireNonNull(name, "name is null");
            requireNonNull(columns, "columns is null");
            requireNonNull(partitionBy, "partitionBy is null");
            requireNonNull(orderBy, "orderBy is null");
            requireNonNull(shardingKey, "shardingKey is null");
        }
    }

    record Migration(int version, String description, List<Table> tables) {
        Migration {
            tables = List.copyOf(tables);
        }
    }

    static final Table SCORE_FACTS = new Table(SCORE_FACT, """
            tenant_id       LowCardinality(String),
            batch_id        UInt64,
            organization_id UInt64,
            fiscal_year     UInt16,
            metric          LowCardinality(String),
            provenance      Enum8('D' = 1, 'R' = 2),
            score           Float64""",
            "fiscal_year", "(tenant_id, fiscal_year, organization_id, metric, batch_id, provenance)", "sipHash64(tenant_id, organization_id)");

    static final Table QUALITY_FINDINGS = new Table(QUALITY_FINDING, """
            tenant_id       LowCardinality(String),
            batch_id        UInt64,
            organization_id UInt64,
            fiscal_year     UInt16,
            seq             UInt32,
            metric          LowCardinality(String),
            kind            LowCardinality(String),
            reported        String,
            derived         String,
            message         String""",
            "tuple()", "(tenant_id, batch_id, organization_id, fiscal_year, seq)", "sipHash64(tenant_id, organization_id)");

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "score facts and data-quality findings, keyed by batch", List.of(SCORE_FACTS, QUALITY_FINDINGS)));

    private final ClickHouseSettings settings;

    ClickHouseSchema(ClickHouseSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The table reads and inserts use: the Distributed one on a cluster. */
    String table(String name) {
        return settings.database() + "." + name;
    }

    /** The table that holds the rows (mutations run on it): {@code T_local} on a cluster. */
    String storageTable(String name) {
        return settings.database() + "." + (settings.clustered() ? name + "_local" : name);
    }

    String onCluster() {
        return settings.clustered() ? " ON CLUSTER " + settings.cluster() : "";
    }

    /** Every statement that brings an empty server to the newest schema, in order. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE IF NOT EXISTS " + settings.database() + onCluster() + " ENGINE = Atomic");
        statements.add(migrationsTable());
        for (Migration migration : MIGRATIONS) {
            statements.addAll(statements(migration));
        }
        return statements;
    }

    List<String> statements(Migration migration) {
        List<String> statements = new ArrayList<>();
        for (Table table : migration.tables()) {
            statements.add(create(table));
            if (settings.clustered()) {
                statements.add("CREATE TABLE IF NOT EXISTS " + table(table.name()) + onCluster() + " AS " + storageTable(table.name())
                        + "\nENGINE = Distributed(" + settings.cluster() + ", " + settings.database() + ", " + table.name() + "_local, "
                        + table.shardingKey() + ")");
            }
        }
        return statements;
    }

    private String create(Table table) {
        String engine = settings.clustered()
                ? "ReplicatedMergeTree('/clickhouse/tables/{shard}/" + settings.database() + "/" + table.name() + "', '{replica}')"
                : "MergeTree";
        String window = settings.clustered() ? "replicated_deduplication_window" : "non_replicated_deduplication_window";
        return "CREATE TABLE IF NOT EXISTS " + storageTable(table.name()) + onCluster() + " (\n" + table.columns().indent(4) + ")"
                + "\nENGINE = " + engine
                + "\nPARTITION BY " + table.partitionBy()
                + "\nORDER BY " + table.orderBy()
                + "\nSETTINGS " + window + " = " + DEDUPLICATION_WINDOW;
    }

    private String migrationsTable() {
        // One replica set over the whole cluster (no {shard}): every node sees the same applied versions.
        String engine = settings.clustered()
                ? "ReplicatedMergeTree('/clickhouse/ita/" + settings.database() + "/" + MIGRATIONS_TABLE + "', '{replica}')"
                : "MergeTree";
        return "CREATE TABLE IF NOT EXISTS " + settings.database() + "." + MIGRATIONS_TABLE + onCluster()
                + " (version UInt32, description String, applied_at DateTime DEFAULT now())"
                + "\nENGINE = " + engine + "\nORDER BY version";
    }

    /**
     * Applies the migrations not applied yet. Every statement is idempotent ({@code IF NOT EXISTS}), so
     * a migration cut short, or run by two nodes at once, is simply run again.
     */
    void migrate(ClickHouseConnections connections) throws SQLException {
        try (Connection connection = connections.openServer(); Statement statement = connection.createStatement()) {
            statement.execute(statements().get(0));
            statement.execute(migrationsTable());
            int applied = 0;
            try (ResultSet rows = statement.executeQuery("SELECT max(version) FROM " + settings.database() + "." + MIGRATIONS_TABLE)) {
                if (rows.next()) {
                    applied = rows.getInt(1);
                }
            }
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > applied) {
                    for (String ddl : statements(migration)) {
                        statement.execute(ddl);
                    }
                    statement.execute("INSERT INTO " + settings.database() + "." + MIGRATIONS_TABLE + " (version, description) VALUES ("
                            + migration.version() + ", '" + migration.description().replace("'", "\\'") + "')");
                }
            }
        }
    }
}
