package th.ita.storage.jdbc;

import io.micronaut.data.model.Pageable;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchFailure;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.score.OrgYear;
import th.ita.core.tenant.TenantId;

/**
 * The batch catalog in H2 or PostgreSQL: batch metadata through Micronaut Data JDBC; row errors, which
 * can be many, and publishing, which switches many org-year pointers, through batched JDBC.
 */
@Singleton
class JdbcBatchCatalog implements BatchCatalog {
    private static final int VALUE_LIMIT = 400;
    private static final int CHUNK = 10_000;
    private static final int PARAMETERS_LIMIT = 4000;
    private final IngestBatchRepository batches;
    private final DataSource dataSource;

    JdbcBatchCatalog(IngestBatchRepository batches, DataSource dataSource) {
        this.batches = batches;
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public IngestBatch start(TenantId tenant, String fileName, String checksum, String format, String owner) {
        Instant now = Instant.now();
        IngestBatchEntity entity = batches.save(new IngestBatchEntity(null, tenant.value(), truncate(fileName, 400), checksum, format,
                BatchStatus.LOADING.name(), now, null, 0, 0, 0, 0, 0, 0, null, truncate(owner, 200), now, null, null));
        ensurePublicationRow(tenant);
        return toDomain(entity);
    }

    @Override
    public void heartbeat(TenantId tenant, long batchId) {
        update("UPDATE ingest_batch SET heartbeat_at = ? WHERE id = ? AND tenant_id = ? AND status = 'LOADING'", statement -> {
            statement.setTimestamp(1, Timestamp.from(Instant.now()));
            statement.setLong(2, batchId);
            statement.setString(3, tenant.value());
        });
    }

    @Override
    public Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum) {
        return batches.findFirstByTenantIdAndChecksumAndStatus(tenant.value(), checksum, BatchStatus.PUBLISHED.name()).map(JdbcBatchCatalog::toDomain);
    }

    @Override
    public Optional<IngestBatch> batch(TenantId tenant, long batchId) {
        return batches.findByTenantIdAndId(tenant.value(), batchId).map(JdbcBatchCatalog::toDomain);
    }

    @Override
    public List<IngestBatch> list(TenantId tenant, int limit) {
        return batches.findByTenantIdOrderByIdDesc(tenant.value(), Pageable.from(0, limit)).stream().map(JdbcBatchCatalog::toDomain).toList();
    }

    @Override
    public List<IngestBatch> loading(TenantId tenant) {
        return batches.findByTenantIdAndStatusOrderById(tenant.value(), BatchStatus.LOADING.name()).stream().map(JdbcBatchCatalog::toDomain).toList();
    }

    @Override
    public Set<TenantId> tenantsWithLoadingBatches() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT tenant_id FROM ingest_batch WHERE status = 'LOADING'");
             ResultSet rows = select.executeQuery()) {
            Set<TenantId> tenants = new TreeSet<>(java.util.Comparator.comparing(TenantId::value));
            while (rows.next()) {
                tenants.add(TenantId.of(rows.getString(1)));
            }
            return tenants;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot list loading batches", e);
        }
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
                    "INSERT INTO batch_error (batch_id, seq, tenant_id, line, column_name, cell_value, code, message, message_key, message_parameters)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RowError error : errors) {
                    insert.setLong(1, batchId);
                    insert.setInt(2, seq++);
                    insert.setString(3, tenant.value());
                    insert.setLong(4, error.line());
                    insert.setString(5, truncate(error.column(), 200));
                    insert.setString(6, truncate(error.value(), VALUE_LIMIT));
                    insert.setString(7, error.code());
                    insert.setString(8, truncate(error.message(), 1000));
                    insert.setString(9, error.messageKey());
                    insert.setString(10, truncate(error.encodedParameters(), 4000));
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
                     "SELECT line, column_name, cell_value, code, message, message_key, message_parameters FROM batch_error WHERE tenant_id = ? AND batch_id = ? ORDER BY seq LIMIT ? OFFSET ?")) {
            select.setString(1, tenant.value());
            select.setLong(2, batchId);
            select.setInt(3, limit);
            select.setInt(4, offset);
            List<RowError> errors = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            RowError.decodeParameters(rows.getString(7))));
                }
            }
            return errors;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read row errors of batch " + batchId, e);
        }
    }

    /**
     * One transaction: take the tenant's publication turn (its version row, locked until commit, so two
     * publications of one tenant never interleave), record the covered org-years, switch their current
     * pointers to this batch and mark it PUBLISHED. The organizations and aliases registered under the
     * batch are visible from that commit on, because their visibility is the batch's status.
     */
    @Override
    public void publish(TenantId tenant, long batchId, Collection<OrgYear> orgYears, BatchCounts counts) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                takePublicationTurn(connection, tenant);
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
                        connection.rollback();
                        throw new ItaException(ErrorCode.CONFLICT, Message.of("problem.batchNotLoading", "id", batchId));
                    }
                    replace.setString(1, tenant.value());
                    replace.setLong(2, batchId);
                    replace.executeUpdate();
                    switchOver.setLong(1, batchId);
                    switchOver.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot publish batch " + batchId + ": " + e.getMessage(), e);
        }
    }

    /** Creates the tenant's version row before its first publication, so publishing only ever updates it. */
    private void ensurePublicationRow(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO tenant_publication (tenant_id, version) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM tenant_publication WHERE tenant_id = ?)")) {
            insert.setString(1, tenant.value());
            insert.setString(2, tenant.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            // Another node created it at the same moment: the row exists, which is all that is needed.
        }
    }

    private static void takePublicationTurn(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("UPDATE tenant_publication SET version = version + 1 WHERE tenant_id = ?")) {
            next.setString(1, tenant.value());
            if (next.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement first = connection.prepareStatement("INSERT INTO tenant_publication (tenant_id, version) VALUES (?, 1)")) {
            first.setString(1, tenant.value());
            first.executeUpdate();
        }
    }

    @Override
    public boolean fail(TenantId tenant, long batchId, Message reason, BatchCounts counts) {
        BatchFailure failure = BatchFailure.of(reason);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int failed;
                try (PreparedStatement update = connection.prepareStatement("UPDATE ingest_batch SET status = 'FAILED', finished_at = ?, "
                        + "rows_read = ?, scores_accepted = 0, scores_derived = 0, rows_rejected = ?, findings = ?, org_years = 0, failure = ?, "
                        + "failure_key = ?, failure_parameters = ? WHERE id = ? AND tenant_id = ? AND status = 'LOADING'")) {
                    update.setTimestamp(1, Timestamp.from(Instant.now()));
                    update.setLong(2, counts.rowsRead());
                    update.setLong(3, counts.rowsRejected());
                    update.setLong(4, counts.findings());
                    update.setString(5, truncate(failure.text(), 2000));
                    String parameters = encodedParameters(failure);
                    update.setString(6, parameters == null ? null : reason.key());
                    update.setString(7, parameters);
                    update.setLong(8, batchId);
                    update.setString(9, tenant.value());
                    failed = update.executeUpdate();
                }
                if (failed == 1) {
                    for (String sql : List.of(
                            "DELETE FROM batch_org_year WHERE batch_id = ? AND tenant_id = ?",
                            "DELETE FROM organization_alias WHERE batch_id = ? AND tenant_id = ?",
                            "DELETE FROM organization_alias WHERE tenant_id = ? AND organization_id IN (SELECT id FROM organization WHERE batch_id = ? AND tenant_id = ?)",
                            "DELETE FROM organization WHERE batch_id = ? AND tenant_id = ?")) {
                        try (PreparedStatement delete = connection.prepareStatement(sql)) {
                            if (sql.contains("IN (SELECT")) {
                                delete.setString(1, tenant.value());
                                delete.setLong(2, batchId);
                                delete.setString(3, tenant.value());
                            } else {
                                delete.setLong(1, batchId);
                                delete.setString(2, tenant.value());
                            }
                            delete.executeUpdate();
                        }
                    }
                }
                connection.commit();
                return failed == 1;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot mark batch " + batchId + " failed", e);
        }
    }

    @Override
    public long publishedVersion(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version FROM tenant_publication WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read the publication version", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot update the batch catalog", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static IngestBatch toDomain(IngestBatchEntity entity) {
        return new IngestBatch(entity.id(), TenantId.of(entity.tenantId()), entity.fileName(), entity.checksum(), entity.format(),
                BatchStatus.valueOf(entity.status()), entity.startedAt(), entity.finishedAt(), entity.rowsRead(), entity.scoresAccepted(),
                entity.scoresDerived(), entity.rowsRejected(), entity.findings(), entity.orgYears(), failure(entity), entity.owner(),
                entity.heartbeatAt());
    }

    /** Null for a batch that did not fail; the message where the row names one, the stored text of an older failure otherwise. */
    private static BatchFailure failure(IngestBatchEntity entity) {
        return entity.failure() == null && entity.failureKey() == null ? null
                : BatchFailure.stored(entity.failureKey(), entity.failureParameters(), entity.failure());
    }

    /** The parameters as stored, or null when they do not fit the column: the batch then keeps its English text alone. */
    private static String encodedParameters(BatchFailure failure) {
        String parameters = failure.encodedParameters();
        return parameters.length() <= PARAMETERS_LIMIT ? parameters : null;
    }
}
