package th.ita.storage.jdbc;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.error.ItaException;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYear;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreStore;
import th.ita.core.tenant.TenantId;

/**
 * Score facts in H2 or PostgreSQL through plain batched JDBC (the hot path of ingestion).
 * Facts are committed in chunks while the batch is LOADING, so no transaction grows with the file;
 * they become visible only when {@link BatchWriter#publish} switches the org-year pointers.
 */
@Singleton
class JdbcScoreStore implements ScoreStore {
    static final int CHUNK = 10_000;
    /** Multi-row INSERTs: far fewer statement executions than one row per batch entry (H2 and PostgreSQL). */
    static final int ROWS_PER_INSERT = 100;
    private static final String CURRENT_FACTS = """
            SELECT f.organization_id, f.fiscal_year, f.metric, f.score, f.provenance
            FROM org_year_current c
            JOIN score_fact f ON f.batch_id = c.batch_id AND f.organization_id = c.organization_id AND f.fiscal_year = c.fiscal_year
            """;
    private final DataSource dataSource;

    JdbcScoreStore(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public BatchWriter open(TenantId tenant, long batchId) {
        try {
            return new JdbcBatchWriter(tenant, batchId, dataSource.getConnection());
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot open the score store", e);
        }
    }

    @Override
    public List<ScoreFact> currentScores(TenantId tenant, long organizationId) {
        return query(CURRENT_FACTS + " WHERE c.tenant_id = ? AND c.organization_id = ? ORDER BY f.fiscal_year, f.metric, f.provenance",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setLong(2, organizationId);
                });
    }

    @Override
    public List<ScoreFact> currentScores(TenantId tenant, int year, Collection<String> metrics) {
        String metricFilter = metrics.isEmpty() ? "" : " AND f.metric IN (" + String.join(",", metrics.stream().map(m -> "?").toList()) + ")";
        return query(CURRENT_FACTS + " WHERE c.tenant_id = ? AND c.fiscal_year = ?" + metricFilter + " ORDER BY f.organization_id, f.metric, f.provenance",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setInt(2, year);
                    int index = 3;
                    for (String metric : metrics) {
                        statement.setString(index++, metric);
                    }
                });
    }

    @Override
    public List<HistoricalScore> history(TenantId tenant, long organizationId, int year, String metric) {
        String sql = """
                SELECT f.batch_id, f.score, f.provenance, CASE WHEN c.batch_id IS NULL THEN 0 ELSE 1 END
                FROM batch_org_year y
                JOIN ingest_batch b ON b.id = y.batch_id AND b.status = 'PUBLISHED'
                JOIN score_fact f ON f.batch_id = y.batch_id AND f.organization_id = y.organization_id AND f.fiscal_year = y.fiscal_year
                LEFT JOIN org_year_current c ON c.tenant_id = y.tenant_id AND c.organization_id = y.organization_id
                     AND c.fiscal_year = y.fiscal_year AND c.batch_id = y.batch_id
                WHERE y.tenant_id = ? AND y.organization_id = ? AND y.fiscal_year = ? AND f.metric = ?
                ORDER BY f.batch_id, f.provenance DESC
                """;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
            statement.setInt(3, year);
            statement.setString(4, metric);
            List<HistoricalScore> history = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    history.add(new HistoricalScore(rows.getLong(1), rows.getDouble(2), provenance(rows.getString(3)), rows.getInt(4) == 1));
                }
            }
            return history;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read score history", e);
        }
    }

    @Override
    public List<DataQualityFinding> currentFindings(TenantId tenant, long organizationId) {
        return findings("""
                SELECT q.organization_id, q.fiscal_year, q.metric, q.kind, q.reported, q.derived, q.message
                FROM org_year_current c
                JOIN quality_finding q ON q.batch_id = c.batch_id AND q.organization_id = c.organization_id AND q.fiscal_year = c.fiscal_year
                WHERE c.tenant_id = ? AND c.organization_id = ? ORDER BY q.fiscal_year, q.seq
                """, statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
        });
    }

    @Override
    public List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit) {
        return findings("""
                SELECT organization_id, fiscal_year, metric, kind, reported, derived, message
                FROM quality_finding WHERE tenant_id = ? AND batch_id = ?
                ORDER BY organization_id, fiscal_year, seq LIMIT ? OFFSET ?
                """, statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, batchId);
            statement.setInt(3, limit);
            statement.setInt(4, offset);
        });
    }

    @Override
    public long countCurrentScores(TenantId tenant) {
        String sql = "SELECT COUNT(*) FROM org_year_current c JOIN score_fact f ON f.batch_id = c.batch_id "
                + "AND f.organization_id = c.organization_id AND f.fiscal_year = c.fiscal_year WHERE c.tenant_id = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot count scores", e);
        }
    }

    @Override
    public int discardUnfinishedBatches() {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> unfinished = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM ingest_batch WHERE status = 'LOADING'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unfinished.add(rows.getLong(1));
                }
            }
            for (long batchId : unfinished) {
                discard(connection, batchId, "interrupted: the platform stopped while this batch was loading; nothing of it was published");
            }
            return unfinished.size();
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot clean up unfinished batches", e);
        }
    }

    /** Deletes a batch's facts and findings (it was never published) and marks it FAILED. */
    private static void discard(Connection connection, long batchId, String reason) throws SQLException {
        connection.setAutoCommit(true);
        for (String sql : List.of("DELETE FROM score_fact WHERE batch_id = ?", "DELETE FROM quality_finding WHERE batch_id = ?",
                "DELETE FROM batch_org_year WHERE batch_id = ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, batchId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ingest_batch SET status = 'FAILED', finished_at = ?, failure = COALESCE(failure, ?) WHERE id = ? AND status = 'LOADING'")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, reason);
            update.setLong(3, batchId);
            update.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ScoreFact> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(5_000);
            List<ScoreFact> facts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new ScoreFact(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getDouble(4), provenance(rows.getString(5))));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read scores", e);
        }
    }

    private List<DataQualityFinding> findings(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<DataQualityFinding> findings = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    findings.add(new DataQualityFinding(rows.getLong(1), rows.getInt(2), rows.getString(3),
                            DataQualityFinding.Kind.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return findings;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read findings", e);
        }
    }

    private static Provenance provenance(String code) {
        return "D".equals(code) ? Provenance.DERIVED : Provenance.REPORTED;
    }

    private static final class JdbcBatchWriter implements BatchWriter {
        private final TenantId tenant;
        private final long batchId;
        private final Connection connection;
        /** Inserts {@link #ROWS_PER_INSERT} facts per statement, the rest one by one. */
        private final PreparedStatement facts;
        private final PreparedStatement singleFact;
        private final PreparedStatement findings;
        private final ScoreFact[] buffered = new ScoreFact[ROWS_PER_INSERT];
        private int bufferedFacts;
        private int pendingFacts;
        private int pendingFindings;
        private int findingSeq;
        private boolean published;

        JdbcBatchWriter(TenantId tenant, long batchId, Connection connection) throws SQLException {
            this.tenant = tenant;
            this.batchId = batchId;
            this.connection = connection;
            connection.setAutoCommit(false);
            this.facts = connection.prepareStatement(factInsert(ROWS_PER_INSERT));
            this.singleFact = connection.prepareStatement(factInsert(1));
            this.findings = connection.prepareStatement("INSERT INTO quality_finding "
                    + "(batch_id, organization_id, fiscal_year, seq, tenant_id, metric, kind, reported, derived, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        private static String factInsert(int rows) {
            return "INSERT INTO score_fact (batch_id, organization_id, fiscal_year, metric, provenance, tenant_id, score) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)"));
        }

        @Override
        public void add(ScoreFact fact) {
            buffered[bufferedFacts++] = fact;
            if (bufferedFacts == ROWS_PER_INSERT) {
                try {
                    for (int i = 0; i < ROWS_PER_INSERT; i++) {
                        bind(facts, i * 7, buffered[i]);
                    }
                    facts.addBatch();
                    bufferedFacts = 0;
                    pendingFacts += ROWS_PER_INSERT;
                    if (pendingFacts >= CHUNK) {
                        flush();
                    }
                } catch (SQLException e) {
                    throw ItaException.storageUnavailable("cannot write scores of batch " + batchId, e);
                }
            }
        }

        private void bind(PreparedStatement statement, int offset, ScoreFact fact) throws SQLException {
            statement.setLong(offset + 1, batchId);
            statement.setLong(offset + 2, fact.organizationId());
            statement.setInt(offset + 3, fact.year());
            statement.setString(offset + 4, fact.metric());
            statement.setString(offset + 5, fact.provenance() == Provenance.DERIVED ? "D" : "R");
            statement.setString(offset + 6, tenant.value());
            statement.setDouble(offset + 7, fact.value());
        }

        @Override
        public void add(DataQualityFinding finding) {
            try {
                findings.setLong(1, batchId);
                findings.setLong(2, finding.organizationId());
                findings.setInt(3, finding.year());
                findings.setInt(4, ++findingSeq);
                findings.setString(5, tenant.value());
                findings.setString(6, finding.metric());
                findings.setString(7, finding.kind().name());
                findings.setString(8, finding.reported());
                findings.setString(9, finding.derived());
                findings.setString(10, finding.message().length() > 1000 ? finding.message().substring(0, 1000) : finding.message());
                findings.addBatch();
                if (++pendingFindings == CHUNK) {
                    flush();
                }
            } catch (SQLException e) {
                throw ItaException.storageUnavailable("cannot write findings of batch " + batchId, e);
            }
        }

        private void flush() throws SQLException {
            if (pendingFacts > 0) {
                facts.executeBatch();
                pendingFacts = 0;
            }
            for (int i = 0; i < bufferedFacts; i++) {
                bind(singleFact, 0, buffered[i]);
                singleFact.addBatch();
            }
            if (bufferedFacts > 0) {
                singleFact.executeBatch();
                bufferedFacts = 0;
            }
            if (pendingFindings > 0) {
                findings.executeBatch();
                pendingFindings = 0;
            }
            connection.commit();
        }

        @Override
        public void publish(Collection<OrgYear> orgYears, BatchCounts counts) {
            try {
                flush();
                // Record the covered org-years first, in chunks, while the batch is still invisible…
                try (PreparedStatement covered = connection.prepareStatement(
                        "INSERT INTO batch_org_year (batch_id, organization_id, fiscal_year, tenant_id) VALUES (?, ?, ?, ?)")) {
                    int pending = 0;
                    for (OrgYear orgYear : orgYears) {
                        covered.setLong(1, batchId);
                        covered.setLong(2, orgYear.organizationId());
                        covered.setInt(3, orgYear.year());
                        covered.setString(4, tenant.value());
                        covered.addBatch();
                        if (++pending == CHUNK) {
                            covered.executeBatch();
                            pending = 0;
                        }
                    }
                    covered.executeBatch();
                }
                connection.commit();
                // …then switch them to this batch and mark it published, set-based, in one transaction.
                try (PreparedStatement replace = connection.prepareStatement("""
                        DELETE FROM org_year_current c WHERE c.tenant_id = ? AND EXISTS (
                            SELECT 1 FROM batch_org_year y
                            WHERE y.batch_id = ? AND y.organization_id = c.organization_id AND y.fiscal_year = c.fiscal_year)
                        """);
                     PreparedStatement switchOver = connection.prepareStatement("""
                             INSERT INTO org_year_current (tenant_id, organization_id, fiscal_year, batch_id)
                             SELECT tenant_id, organization_id, fiscal_year, batch_id FROM batch_org_year WHERE batch_id = ?
                             """);
                     PreparedStatement batch = connection.prepareStatement("UPDATE ingest_batch SET status = ?, finished_at = ?, rows_read = ?, "
                             + "scores_accepted = ?, scores_derived = ?, rows_rejected = ?, findings = ?, org_years = ? WHERE id = ? AND tenant_id = ? AND status = ?")) {
                    replace.setString(1, tenant.value());
                    replace.setLong(2, batchId);
                    replace.executeUpdate();
                    switchOver.setLong(1, batchId);
                    switchOver.executeUpdate();
                    batch.setString(1, BatchStatus.PUBLISHED.name());
                    batch.setTimestamp(2, Timestamp.from(Instant.now()));
                    batch.setLong(3, counts.rowsRead());
                    batch.setLong(4, counts.scoresAccepted());
                    batch.setLong(5, counts.scoresDerived());
                    batch.setLong(6, counts.rowsRejected());
                    batch.setLong(7, counts.findings());
                    batch.setLong(8, counts.orgYears());
                    batch.setLong(9, batchId);
                    batch.setString(10, tenant.value());
                    batch.setString(11, BatchStatus.LOADING.name());
                    if (batch.executeUpdate() != 1) {
                        throw new SQLException("batch " + batchId + " is not LOADING any more");
                    }
                }
                connection.commit();
                published = true;
            } catch (SQLException e) {
                rollbackQuietly();
                throw ItaException.storageUnavailable("cannot publish batch " + batchId + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!published) {
                    rollbackQuietly();
                    discard(connection, batchId, "aborted before publishing");
                }
            } catch (SQLException e) {
                throw ItaException.storageUnavailable("cannot discard batch " + batchId, e);
            } finally {
                try {
                    facts.close();
                    singleFact.close();
                    findings.close();
                    connection.close();
                } catch (SQLException ignored) {
                    // The connection goes back to the pool or is dropped by it; nothing is left to undo.
                }
            }
        }

        private void rollbackQuietly() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // Already failing; the original error is the one worth reporting.
            }
        }
    }
}
