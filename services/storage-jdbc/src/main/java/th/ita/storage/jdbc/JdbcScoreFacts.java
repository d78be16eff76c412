package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Packs on the caller's thread and writes on one of its own: while the database inserts and commits one chunk,
     * the caller derives and packs the next (ingestion uses both cores). At most one chunk is in flight, so memory
     * stays at two chunks; a failure of the writing thread surfaces at the caller's next call.
     */
    private static final class JdbcWriter implements Writer {
        private final TenantId tenant;
        private final long batchId;
        private final Connection connection;
        private final PreparedStatement packs;
        private final PreparedStatement findings;
        private final ExecutorService inserter;
        /** The facts of the org-year being added, packed when another org-year's fact comes or at a commit. */
        private final List<ScoreFact> open = new ArrayList<>();
        private List<PackRow> pendingPacks = new ArrayList<>();
        private List<DataQualityFinding> pendingFindings = new ArrayList<>();
        private Future<?> inFlight;
        private int pendingFacts;
        private int findingSeq;
        private int part;

        private record PackRow(long organizationId, int year, int part, int facts, byte[] pack) {
        }

        JdbcWriter(TenantId tenant, long batchId, Connection connection) throws SQLException {
            this.tenant = tenant;
            this.batchId = batchId;
            this.connection = connection;
            connection.setAutoCommit(false);
            this.packs = connection.prepareStatement("INSERT INTO score_pack (batch_id, organization_id, fiscal_year, part, tenant_id, facts, pack) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            this.findings = connection.prepareStatement("INSERT INTO quality_finding "
                    + "(batch_id, organization_id, fiscal_year, seq, tenant_id, metric, kind, reported, derived, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.inserter = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "score-writer-" + batchId);
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public void add(ScoreFact fact) {
            if (!open.isEmpty() && (open.get(0).organizationId() != fact.organizationId() || open.get(0).year() != fact.year())) {
                seal();
            }
            open.add(fact);
            if (pendingFacts + open.size() >= CHUNK) {
                handOff();
            }
        }

        /** Packs the open org-year's facts into one row of the next chunk. */
        private void seal() {
            if (open.isEmpty()) {
                return;
            }
            ScoreFact first = open.get(0);
            pendingPacks.add(new PackRow(first.organizationId(), first.year(), ++part, open.size(), PackedScores.pack(open)));
            pendingFacts += open.size();
            open.clear();
        }

        @Override
        public void add(DataQualityFinding finding) {
            pendingFindings.add(finding);
            if (pendingFindings.size() >= CHUNK) {
                handOff();
            }
        }

        /** Waits for the chunk in flight, then sends the pending one to be written and committed. */
        private void handOff() {
            seal();
            awaitInFlight();
            List<PackRow> chunkPacks = pendingPacks;
            List<DataQualityFinding> chunkFindings = pendingFindings;
            int firstSeq = findingSeq + 1;
            findingSeq += chunkFindings.size();
            pendingPacks = new ArrayList<>();
            pendingFindings = new ArrayList<>();
            pendingFacts = 0;
            inFlight = inserter.submit(() -> {
                write(chunkPacks, chunkFindings, firstSeq);
                return null;
            });
        }

        private void awaitInFlight() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ItaException.storageUnavailable("interrupted while writing scores of batch " + batchId, e);
            } catch (ExecutionException e) {
                throw ItaException.storageUnavailable("cannot write scores of batch " + batchId + ": " + e.getCause().getMessage(), e.getCause());
            } finally {
                inFlight = null;
            }
        }

        private void write(List<PackRow> chunkPacks, List<DataQualityFinding> chunkFindings, int firstSeq) throws SQLException {
            for (PackRow row : chunkPacks) {
                packs.setLong(1, batchId);
                packs.setLong(2, row.organizationId());
                packs.setInt(3, row.year());
                packs.setInt(4, row.part());
                packs.setString(5, tenant.value());
                packs.setInt(6, row.facts());
                packs.setBytes(7, row.pack());
                packs.addBatch();
            }
            if (!chunkPacks.isEmpty()) {
                packs.executeBatch();
            }
            int seq = firstSeq;
            for (DataQualityFinding finding : chunkFindings) {
                findings.setLong(1, batchId);
                findings.setLong(2, finding.organizationId());
                findings.setInt(3, finding.year());
                findings.setInt(4, seq++);
                findings.setString(5, tenant.value());
                findings.setString(6, finding.metric());
                findings.setString(7, finding.kind().name());
                findings.setString(8, finding.reported());
                findings.setString(9, finding.derived());
                findings.setString(10, finding.message().length() > 1000 ? finding.message().substring(0, 1000) : finding.message());
                findings.addBatch();
            }
            if (!chunkFindings.isEmpty()) {
                findings.executeBatch();
            }
            connection.commit();
        }

        @Override
        public void finish() {
            handOff();
            awaitInFlight();
        }

        @Override
        public void close() {
            try {
                awaitInFlight();
            } catch (RuntimeException ignored) {
                // Whoever gives the batch up reports why; what was not committed is rolled back below.
            }
            inserter.shutdownNow();
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
