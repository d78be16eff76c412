package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import th.ita.core.error.ItaException;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/**
 * Score facts and findings in ClickHouse: appended under their batch, read back only for the batches
 * the caller names as current (the batch catalog knows which). Nothing here decides visibility, so
 * nothing here can make half a batch visible.
 */
final class ClickHouseFactTable {
    /** Rows per INSERT by default ({@code ita.clickhouse.chunk}): each is one deduplicated block per partition touched. */
    static final int CHUNK = 50_000;
    static final int ATTEMPTS = 3;

    private final ClickHouseConnections connections;
    private final ClickHouseSchema schema;
    private final int chunk;

    ClickHouseFactTable(ClickHouseConnections connections, ClickHouseSchema schema, int chunk) {
        this.connections = requireNonNull(connections, "connections is null");
        this.schema = requireNonNull(schema, "schema is null");
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive: " + chunk);
        }
        this.chunk = chunk;
    }

    FactWriter writer(TenantId tenant, long batchId) {
        return new FactWriter(tenant, batchId);
    }

    /**
     * Removes what a batch wrote, as a mutation that ClickHouse applies in the background
     * ({@code mutations_sync=0}): the rows are unreachable already (no current pointer names the batch),
     * so nothing waits for the space to be freed — a mutation over hundreds of parts takes a minute.
     */
    void discard(TenantId tenant, long batchId) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String table : List.of(ClickHouseSchema.SCORE_FACT, ClickHouseSchema.QUALITY_FINDING)) {
                statement.execute("ALTER TABLE " + schema.storageTable(table) + schema.onCluster() + " DELETE WHERE tenant_id = "
                        + literal(tenant.value()) + " AND batch_id = " + batchId);
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot discard the facts of batch " + batchId + " in ClickHouse", e);
        }
    }

    /** Facts of one year from the source batch of each organization ({@code organization id → batch id}). */
    List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics, Map<Long, Long> sourceByOrganization) {
        if (sourceByOrganization.isEmpty()) {
            return List.of();
        }
        String metricFilter = metrics.isEmpty() ? "" : " AND metric IN " + literals(metrics);
        return facts("SELECT organization_id, fiscal_year, metric, score, provenance FROM " + schema.table(ClickHouseSchema.SCORE_FACT)
                + " WHERE tenant_id = " + literal(tenant.value()) + " AND fiscal_year = " + year + metricFilter
                + " AND (organization_id, batch_id) IN " + pairs(sourceByOrganization)
                + " ORDER BY organization_id, metric, provenance");
    }

    /** Facts of one organization from the source batch of each year ({@code year → batch id}). */
    List<ScoreFact> ofOrganization(TenantId tenant, long organizationId, Map<Integer, Long> sourceByYear) {
        if (sourceByYear.isEmpty()) {
            return List.of();
        }
        return facts("SELECT organization_id, fiscal_year, metric, score, provenance FROM " + schema.table(ClickHouseSchema.SCORE_FACT)
                + " WHERE tenant_id = " + literal(tenant.value()) + " AND organization_id = " + organizationId
                + " AND (fiscal_year, batch_id) IN " + pairs(sourceByYear)
                + " ORDER BY fiscal_year, metric, provenance");
    }

    /** A row of an org-year's metric as one batch stored it. */
    record StoredValue(long batchId, double value, Provenance provenance) {
    }

    /** Values of an org-year's metric in the given batches, oldest batch first, reported before derived. */
    List<StoredValue> values(TenantId tenant, long organizationId, int year, String metric, Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT batch_id, score, provenance FROM " + schema.table(ClickHouseSchema.SCORE_FACT)
                + " WHERE tenant_id = " + literal(tenant.value()) + " AND fiscal_year = " + year + " AND organization_id = " + organizationId
                + " AND metric = " + literal(metric) + " AND batch_id IN " + numbers(batchIds)
                + " ORDER BY batch_id, provenance DESC";
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<StoredValue> values = new ArrayList<>();
            while (rows.next()) {
                values.add(new StoredValue(rows.getLong(1), rows.getDouble(2), provenance(rows.getString(3))));
            }
            return values;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read score history from ClickHouse", e);
        }
    }

    /** Findings of one organization from the source batch of each year. */
    List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId, Map<Integer, Long> sourceByYear) {
        if (sourceByYear.isEmpty()) {
            return List.of();
        }
        return findings(FINDING_COLUMNS + schema.table(ClickHouseSchema.QUALITY_FINDING)
                + " WHERE tenant_id = " + literal(tenant.value()) + " AND organization_id = " + organizationId
                + " AND (fiscal_year, batch_id) IN " + pairs(sourceByYear) + " ORDER BY fiscal_year, seq");
    }

    List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit) {
        return findings(FINDING_COLUMNS + schema.table(ClickHouseSchema.QUALITY_FINDING)
                + " WHERE tenant_id = " + literal(tenant.value()) + " AND batch_id = " + batchId
                + " ORDER BY organization_id, fiscal_year, seq LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset));
    }

    /** Facts stored under one batch, current or not (for tests and the benchmark). */
    long countFacts(TenantId tenant, long batchId) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM " + schema.table(ClickHouseSchema.SCORE_FACT)
                     + " WHERE tenant_id = " + literal(tenant.value()) + " AND batch_id = " + batchId)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot count facts in ClickHouse", e);
        }
    }

    private static final String FINDING_COLUMNS = "SELECT organization_id, fiscal_year, metric, kind, reported, derived, message FROM ";

    private List<ScoreFact> facts(String sql) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<ScoreFact> facts = new ArrayList<>();
            while (rows.next()) {
                facts.add(new ScoreFact(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getDouble(4), provenance(rows.getString(5))));
            }
            return facts;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read scores from ClickHouse", e);
        }
    }

    private List<DataQualityFinding> findings(String sql) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<DataQualityFinding> findings = new ArrayList<>();
            while (rows.next()) {
                findings.add(new DataQualityFinding(rows.getLong(1), rows.getInt(2), rows.getString(3),
                        DataQualityFinding.Kind.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
            return findings;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read findings from ClickHouse", e);
        }
    }

    private static Provenance provenance(String code) {
        return "D".equals(code) ? Provenance.DERIVED : Provenance.REPORTED;
    }

    /** A ClickHouse string literal: backslash and quote escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String literals(Collection<String> values) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        values.forEach(value -> joiner.add(literal(value)));
        return joiner.toString();
    }

    private static String numbers(Collection<Long> values) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        values.forEach(value -> joiner.add(Long.toString(value)));
        return joiner.toString();
    }

    private static String pairs(Map<? extends Number, Long> pairs) {
        StringBuilder text = new StringBuilder(pairs.size() * 16).append('(');
        pairs.forEach((key, batch) -> text.append(text.length() == 1 ? "" : ", ").append('(').append(key.longValue()).append(", ").append(batch).append(')'));
        return text.append(')').toString();
    }

    /**
     * Appends a batch's facts and findings in chunks. Every chunk is one INSERT with its own
     * deduplication token ({@code ita/<tenant>/<batch>/<table>/<chunk>}): when an INSERT fails without
     * an answer it is sent again, with the same token, and ClickHouse keeps each block once.
     */
    final class FactWriter implements AutoCloseable {
        private final TenantId tenant;
        private final long batchId;
        private final List<ScoreFact> facts = new ArrayList<>();
        private final List<DataQualityFinding> findings = new ArrayList<>();
        private int factChunks;
        private int findingChunks;
        private int findingSeq;
        private long factsWritten;

        private FactWriter(TenantId tenant, long batchId) {
            this.tenant = requireNonNull(tenant, "tenant is null");
            this.batchId = batchId;
        }

        void add(ScoreFact fact) {
            facts.add(requireNonNull(fact, "fact is null"));
            if (facts.size() >= chunk) {
                flushFacts();
            }
        }

        void add(DataQualityFinding finding) {
            findings.add(requireNonNull(finding, "finding is null"));
            if (findings.size() >= chunk) {
                flushFindings();
            }
        }

        /** Writes what is buffered; afterwards every fact added is durable in ClickHouse (still invisible). */
        void finish() {
            flushFacts();
            flushFindings();
        }

        long factsWritten() {
            return factsWritten;
        }

        private void flushFacts() {
            if (facts.isEmpty()) {
                return;
            }
            String token = "ita/" + tenant.value() + "/" + batchId + "/" + ClickHouseSchema.SCORE_FACT + "/" + factChunks++;
            insert(token, "INSERT INTO " + schema.table(ClickHouseSchema.SCORE_FACT)
                    + " (tenant_id, batch_id, organization_id, fiscal_year, metric, provenance, score) VALUES (?, ?, ?, ?, ?, ?, ?)", insert -> {
                for (ScoreFact fact : facts) {
                    insert.setString(1, tenant.value());
                    insert.setLong(2, batchId);
                    insert.setLong(3, fact.organizationId());
                    insert.setInt(4, fact.year());
                    insert.setString(5, fact.metric());
                    insert.setString(6, fact.provenance() == Provenance.DERIVED ? "D" : "R");
                    insert.setDouble(7, fact.value());
                    insert.addBatch();
                }
            });
            factsWritten += facts.size();
            facts.clear();
        }

        private void flushFindings() {
            if (findings.isEmpty()) {
                return;
            }
            String token = "ita/" + tenant.value() + "/" + batchId + "/" + ClickHouseSchema.QUALITY_FINDING + "/" + findingChunks++;
            int firstSeq = findingSeq;
            insert(token, "INSERT INTO " + schema.table(ClickHouseSchema.QUALITY_FINDING)
                    + " (tenant_id, batch_id, organization_id, fiscal_year, seq, metric, kind, reported, derived, message)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert -> {
                int seq = firstSeq;
                for (DataQualityFinding finding : findings) {
                    insert.setString(1, tenant.value());
                    insert.setLong(2, batchId);
                    insert.setLong(3, finding.organizationId());
                    insert.setInt(4, finding.year());
                    insert.setInt(5, ++seq);
                    insert.setString(6, finding.metric());
                    insert.setString(7, finding.kind().name());
                    insert.setString(8, finding.reported());
                    insert.setString(9, finding.derived());
                    insert.setString(10, finding.message());
                    insert.addBatch();
                }
            });
            findingSeq += findings.size();
            findings.clear();
        }

        private interface Rows {
            void bind(PreparedStatement insert) throws SQLException;
        }

        private void insert(String token, String sql, Rows rows) {
            SQLException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try (Connection connection = connections.openForInsert(token); PreparedStatement insert = connection.prepareStatement(sql)) {
                    rows.bind(insert);
                    insert.executeBatch();
                    return;
                } catch (SQLException e) {
                    last = e;
                    pause(attempt);
                }
            }
            throw ItaException.storageUnavailable("cannot write batch " + batchId + " to ClickHouse after " + ATTEMPTS + " attempts: "
                    + last.getMessage(), last);
        }

        private void pause(int attempt) {
            try {
                Thread.sleep(200L * attempt * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ItaException.storageUnavailable("interrupted while writing batch " + batchId + " to ClickHouse", e);
            }
        }

        /** Drops the rows added since the last {@link #finish}. */
        @Override
        public void close() {
            facts.clear();
            findings.clear();
        }
    }
}
