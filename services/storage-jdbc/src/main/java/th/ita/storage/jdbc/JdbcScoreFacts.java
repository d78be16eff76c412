package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.error.ItaException;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;

/**
 * Score facts in H2 or PostgreSQL through plain batched JDBC (the hot path of ingestion). Facts are
 * committed in chunks while the batch is LOADING, so no transaction grows with the file; they count
 * only once the batch catalog publishes the batch.
 */
@Singleton
@Requires(property = JdbcScoreFacts.FACT_STORE, value = "jdbc", defaultValue = "jdbc")
class JdbcScoreFacts implements ScoreFacts {
    /** Which adapter keeps the score facts ({@code jdbc}: this one, in the relational database). */
    static final String FACT_STORE = "ita.store.facts";
    static final int CHUNK = 10_000;
    /** Multi-row INSERTs: far fewer statement executions than one row per batch entry (H2 and PostgreSQL). */
    static final int ROWS_PER_INSERT = 100;
    private final DataSource dataSource;

    JdbcScoreFacts(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public Writer writer(TenantId tenant, long batchId) {
        try {
            return new JdbcWriter(tenant, batchId, dataSource.getConnection());
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot open the score store", e);
        }
    }

    @Override
    public void discard(TenantId tenant, long batchId) {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : List.of(
                    "DELETE FROM score_fact WHERE batch_id = ? AND tenant_id = ? AND NOT EXISTS (SELECT 1 FROM ingest_batch b WHERE b.id = ? AND b.status = 'PUBLISHED')",
                    "DELETE FROM quality_finding WHERE batch_id = ? AND tenant_id = ? AND NOT EXISTS (SELECT 1 FROM ingest_batch b WHERE b.id = ? AND b.status = 'PUBLISHED')")) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setLong(1, batchId);
                    delete.setString(2, tenant.value());
                    delete.setLong(3, batchId);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot discard the facts of batch " + batchId, e);
        }
    }

    @Override
    public List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit) {
        return JdbcReads.findings(dataSource, """
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

    private static final class JdbcWriter implements Writer {
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

        JdbcWriter(TenantId tenant, long batchId, Connection connection) throws SQLException {
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
                    + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)"));
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
        public void finish() {
            try {
                flush();
            } catch (SQLException e) {
                throw ItaException.storageUnavailable("cannot write scores of batch " + batchId + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // Only unfinished rows are rolled back; the batch is failed by whoever gives it up.
            }
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
}
