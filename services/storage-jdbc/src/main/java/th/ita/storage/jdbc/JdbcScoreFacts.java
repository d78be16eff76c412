package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.error.ItaException;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;

/**
 * Score facts in H2 or PostgreSQL through plain batched JDBC (the hot path of ingestion), one row per batch ×
 * org-year ({@code score_pack}, the facts packed by {@link PackedScores}): a national file is ~60 thousand rows
 * to write, commit and read instead of ~1.4 million. Packs are committed in chunks while the batch is LOADING,
 * so no transaction grows with the file; they count only once the batch catalog publishes the batch.
 */
@Singleton
@Requires(property = JdbcScoreFacts.FACT_STORE, value = "jdbc", defaultValue = "jdbc")
class JdbcScoreFacts implements ScoreFacts {
    /** Which adapter keeps the score facts ({@code jdbc}: this one, in the relational database). */
    static final String FACT_STORE = "ita.store.facts";
    /** Facts per commit. An org-year whose facts straddle a commit (or come again later) gets a further part. */
    static final int CHUNK = 20_000;
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
                    "DELETE FROM score_pack WHERE batch_id = ? AND tenant_id = ? AND NOT EXISTS (SELECT 1 FROM ingest_batch b WHERE b.id = ? AND b.status = 'PUBLISHED')",
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
        private final PreparedStatement packs;
        private final PreparedStatement findings;
        /** The facts of the org-year being added, packed when another org-year's fact comes or at a commit. */
        private final List<ScoreFact> open = new ArrayList<>();
        private int pendingFacts;
        private int pendingFindings;
        private int findingSeq;
        private int part;

        JdbcWriter(TenantId tenant, long batchId, Connection connection) throws SQLException {
            this.tenant = tenant;
            this.batchId = batchId;
            this.connection = connection;
            connection.setAutoCommit(false);
            this.packs = connection.prepareStatement("INSERT INTO score_pack (batch_id, organization_id, fiscal_year, part, tenant_id, facts, pack) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            this.findings = connection.prepareStatement("INSERT INTO quality_finding "
                    + "(batch_id, organization_id, fiscal_year, seq, tenant_id, metric, kind, reported, derived, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void add(ScoreFact fact) {
            try {
                if (!open.isEmpty() && (open.get(0).organizationId() != fact.organizationId() || open.get(0).year() != fact.year())) {
                    seal();
                }
                open.add(fact);
                if (pendingFacts + open.size() >= CHUNK) {
                    flush();
                }
            } catch (SQLException e) {
                throw ItaException.storageUnavailable("cannot write scores of batch " + batchId, e);
            }
        }

        /** Packs the open org-year's facts into one row of the pending INSERT batch. */
        private void seal() throws SQLException {
            if (open.isEmpty()) {
                return;
            }
            ScoreFact first = open.get(0);
            packs.setLong(1, batchId);
            packs.setLong(2, first.organizationId());
            packs.setInt(3, first.year());
            packs.setInt(4, ++part);
            packs.setString(5, tenant.value());
            packs.setInt(6, open.size());
            packs.setBytes(7, PackedScores.pack(open));
            packs.addBatch();
            pendingFacts += open.size();
            open.clear();
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
            seal();
            if (pendingFacts > 0) {
                packs.executeBatch();
                pendingFacts = 0;
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
                packs.close();
                findings.close();
                connection.close();
            } catch (SQLException ignored) {
                // The connection goes back to the pool or is dropped by it; nothing is left to undo.
            }
        }
    }
}
