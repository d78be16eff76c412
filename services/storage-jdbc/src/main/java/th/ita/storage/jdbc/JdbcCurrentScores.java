package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/** Current values: the facts of the batch each org-year's pointer names, joined in the database. */
@Singleton
@Requires(property = JdbcScoreFacts.FACT_STORE, value = "jdbc", defaultValue = "jdbc")
class JdbcCurrentScores implements CurrentScores {
    private static final String CURRENT_FACTS = """
            SELECT f.organization_id, f.fiscal_year, f.metric, f.score, f.provenance
            FROM org_year_current c
            JOIN score_fact f ON f.batch_id = c.batch_id AND f.organization_id = c.organization_id AND f.fiscal_year = c.fiscal_year
            """;
    private final DataSource dataSource;

    JdbcCurrentScores(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
        return JdbcReads.facts(dataSource, CURRENT_FACTS + " WHERE c.tenant_id = ? AND c.organization_id = ? ORDER BY f.fiscal_year, f.metric, f.provenance",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setLong(2, organizationId);
                });
    }

    @Override
    public List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
        String metricFilter = metrics.isEmpty() ? "" : " AND f.metric IN (" + String.join(",", metrics.stream().map(m -> "?").toList()) + ")";
        return JdbcReads.facts(dataSource, CURRENT_FACTS + " WHERE c.tenant_id = ? AND c.fiscal_year = ?" + metricFilter
                + " ORDER BY f.organization_id, f.metric, f.provenance", statement -> {
            statement.setString(1, tenant.value());
            statement.setInt(2, year);
            int index = 3;
            for (String metric : metrics) {
                statement.setString(index++, metric);
            }
        });
    }

    @Override
    public List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId) {
        return JdbcReads.findings(dataSource, """
                SELECT q.organization_id, q.fiscal_year, q.metric, q.kind, q.reported, q.derived, q.message
                FROM org_year_current c
                JOIN quality_finding q ON q.batch_id = c.batch_id AND q.organization_id = c.organization_id AND q.fiscal_year = c.fiscal_year
                WHERE c.tenant_id = ? AND c.organization_id = ? ORDER BY q.fiscal_year, q.seq
                """, statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
        });
    }
}
