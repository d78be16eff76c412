package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreHistory;
import th.ita.core.tenant.TenantId;

/** The values every published batch gave an org-year, through the org-years each batch covered and their packs. */
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
                SELECT p.organization_id, p.fiscal_year, p.pack, p.batch_id, CASE WHEN c.batch_id IS NULL THEN 0 ELSE 1 END
                FROM batch_org_year y
                JOIN ingest_batch b ON b.id = y.batch_id AND b.status = 'PUBLISHED'
                JOIN score_pack p ON p.batch_id = y.batch_id AND p.organization_id = y.organization_id AND p.fiscal_year = y.fiscal_year
                LEFT JOIN org_year_current c ON c.tenant_id = y.tenant_id AND c.organization_id = y.organization_id
                     AND c.fiscal_year = y.fiscal_year AND c.batch_id = y.batch_id
                WHERE y.tenant_id = ? AND y.organization_id = ? AND y.fiscal_year = ?
                ORDER BY p.batch_id, p.part
                """;
        List<HistoricalScore> history = new ArrayList<>();
        JdbcReads.packs(dataSource, sql, statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
            statement.setInt(3, year);
        }, (row, facts) -> {
            long batchId = row.getLong(4);
            boolean current = row.getInt(5) == 1;
            for (ScoreFact fact : facts) {
                if (fact.metric().equals(metric)) {
                    history.add(new HistoricalScore(batchId, fact.value(), fact.provenance(), current));
                }
            }
        });
        // Oldest batch first; within a batch the reported value before the derived one.
        history.sort(Comparator.comparingLong(HistoricalScore::batchId).thenComparing(h -> h.provenance() == Provenance.REPORTED ? 0 : 1));
        return history;
    }
}
