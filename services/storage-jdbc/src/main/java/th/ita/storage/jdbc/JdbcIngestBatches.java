package th.ita.storage.jdbc;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.IngestBatches;
import th.ita.core.batch.RowError;
import th.ita.core.error.ItaException;
import th.ita.core.tenant.TenantId;

/** Batch metadata through Micronaut Data JDBC; row errors, which can be many, through batched JDBC. */
@Singleton
class JdbcIngestBatches implements IngestBatches {
    private static final int VALUE_LIMIT = 400;
    private final IngestBatchRepository batches;
    private final DataSource dataSource;

    JdbcIngestBatches(IngestBatchRepository batches, DataSource dataSource) {
        this.batches = batches;
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public IngestBatch start(TenantId tenant, String fileName, String checksum, String format) {
        IngestBatchEntity entity = batches.save(new IngestBatchEntity(null, tenant.value(), truncate(fileName, 400), checksum, format,
                BatchStatus.LOADING.name(), Instant.now(), null, 0, 0, 0, 0, 0, 0, null));
        return toDomain(entity);
    }

    @Override
    public Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum) {
        return batches.findFirstByTenantIdAndChecksumAndStatus(tenant.value(), checksum, BatchStatus.PUBLISHED.name()).map(JdbcIngestBatches::toDomain);
    }

    @Override
    public Optional<IngestBatch> batch(TenantId tenant, long batchId) {
        return batches.findByTenantIdAndId(tenant.value(), batchId).map(JdbcIngestBatches::toDomain);
    }

    @Override
    public List<IngestBatch> list(TenantId tenant, int limit) {
        return batches.findByTenantIdOrderByIdDesc(tenant.value(), Pageable.from(0, limit)).stream().map(JdbcIngestBatches::toDomain).toList();
    }

    @Override
    public void addErrors(TenantId tenant, long batchId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int seq = nextErrorSeq(connection, batchId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO batch_error (batch_id, seq, tenant_id, line, column_name, cell_value, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RowError error : errors) {
                    insert.setLong(1, batchId);
                    insert.setInt(2, seq++);
                    insert.setString(3, tenant.value());
                    insert.setLong(4, error.line());
                    insert.setString(5, truncate(error.column(), 200));
                    insert.setString(6, truncate(error.value(), VALUE_LIMIT));
                    insert.setString(7, error.code());
                    insert.setString(8, truncate(error.message(), 1000));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot store row errors of batch " + batchId, e);
        }
    }

    private static int nextErrorSeq(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM batch_error WHERE batch_id = ?")) {
            select.setLong(1, batchId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public List<RowError> errors(TenantId tenant, long batchId, int offset, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT line, column_name, cell_value, code, message FROM batch_error WHERE tenant_id = ? AND batch_id = ? ORDER BY seq LIMIT ? OFFSET ?")) {
            select.setString(1, tenant.value());
            select.setLong(2, batchId);
            select.setInt(3, limit);
            select.setInt(4, offset);
            List<RowError> errors = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return errors;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read row errors of batch " + batchId, e);
        }
    }

    @Override
    public void fail(TenantId tenant, long batchId, String reason, BatchCounts counts) {
        IngestBatchEntity batch = batches.findByTenantIdAndId(tenant.value(), batchId)
                .orElseThrow(() -> ItaException.notFound("batch " + batchId + " not found"));
        batches.update(new IngestBatchEntity(batch.id(), batch.tenantId(), batch.fileName(), batch.checksum(), batch.format(),
                BatchStatus.FAILED.name(), batch.startedAt(), Instant.now(), counts.rowsRead(), 0, 0, counts.rowsRejected(),
                counts.findings(), 0, truncate(reason, 2000)));
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static IngestBatch toDomain(IngestBatchEntity entity) {
        return new IngestBatch(entity.id(), TenantId.of(entity.tenantId()), entity.fileName(), entity.checksum(), entity.format(),
                BatchStatus.valueOf(entity.status()), entity.startedAt(), entity.finishedAt(), entity.rowsRead(), entity.scoresAccepted(),
                entity.scoresDerived(), entity.rowsRejected(), entity.findings(), entity.orgYears(), entity.failure());
    }
}
