package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.error.ItaException;
import th.ita.core.score.ScoreHistory;
import th.ita.core.tenant.TenantId;

/** The values every published batch gave an org-year, through the org-years each batch covered. */
@Singleton
@Requires(property = JdbcScoreFacts.FACT_STORE, value = "jdbc", defaultValue = "jdbc")
class JdbcScoreHistory implements ScoreHistory {
    private final DataSource dataSource;

    JdbcScoreHistory(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public List<HistoricalScore> of(TenantId tenant, long organizationId, int year, String metric) {
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
                    history.add(new HistoricalScore(rows.getLong(1), rows.getDouble(2), JdbcReads.provenance(rows.getString(3)), rows.getInt(4) == 1));
                }
            }
            return history;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read score history", e);
        }
    }
}
