package th.ita.storage.jdbc;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import th.ita.core.batch.CurrentSources;
import th.ita.core.error.ItaException;
import th.ita.core.tenant.TenantId;

/** The catalog's current pointers ({@code org_year_current}) and covered org-years, for a fact store elsewhere. */
@Singleton
class JdbcCurrentSources implements CurrentSources {
    private final DataSource dataSource;

    JdbcCurrentSources(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public Map<Long, Long> ofYear(TenantId tenant, int year) {
        Map<Long, Long> sources = new HashMap<>();
        read("SELECT organization_id, batch_id FROM org_year_current WHERE tenant_id = ? AND fiscal_year = ?", statement -> {
            statement.setString(1, tenant.value());
            statement.setInt(2, year);
        }, rows -> sources.put(rows.getLong(1), rows.getLong(2)));
        return sources;
    }

    @Override
    public Map<Integer, Long> ofOrganization(TenantId tenant, long organizationId) {
        Map<Integer, Long> sources = new HashMap<>();
        read("SELECT fiscal_year, batch_id FROM org_year_current WHERE tenant_id = ? AND organization_id = ?", statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
        }, rows -> sources.put(rows.getInt(1), rows.getLong(2)));
        return sources;
    }

    @Override
    public List<Long> publishedCovering(TenantId tenant, long organizationId, int year) {
        List<Long> batches = new ArrayList<>();
        read("""
                SELECT y.batch_id FROM batch_org_year y JOIN ingest_batch b ON b.id = y.batch_id AND b.status = 'PUBLISHED'
                WHERE y.tenant_id = ? AND y.organization_id = ? AND y.fiscal_year = ? ORDER BY y.batch_id
                """, statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
            statement.setInt(3, year);
        }, rows -> batches.add(rows.getLong(1)));
        return batches;
    }

    private interface Row {
        void accept(ResultSet rows) throws SQLException;
    }

    private void read(String sql, JdbcReads.Binder binder, Row row) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(5_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read the current sources of org-years", e);
        }
    }
}
