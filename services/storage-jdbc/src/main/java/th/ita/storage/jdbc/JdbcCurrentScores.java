package th.ita.storage.jdbc;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/** Current values: the packs of the batch each org-year's pointer names, joined in the database, unpacked here. */
@Singleton
@Requires(property = JdbcScoreFacts.FACT_STORE, value = "jdbc", defaultValue = "jdbc")
class JdbcCurrentScores implements CurrentScores {
    private static final String CURRENT_PACKS = """
            SELECT p.organization_id, p.fiscal_year, p.pack
            FROM org_year_current c
            JOIN score_pack p ON p.batch_id = c.batch_id AND p.organization_id = c.organization_id AND p.fiscal_year = c.fiscal_year
            """;
    private final DataSource dataSource;

    JdbcCurrentScores(DataSource dataSource) {
        this.dataSource = RawDataSource.of(dataSource);
    }

    @Override
    public List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
        return read(CURRENT_PACKS + " WHERE c.tenant_id = ? AND c.organization_id = ? ORDER BY p.fiscal_year, p.part", statement -> {
            statement.setString(1, tenant.value());
            statement.setLong(2, organizationId);
        }, null);
    }

    @Override
    public List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
        return read(CURRENT_PACKS + " WHERE c.tenant_id = ? AND c.fiscal_year = ? ORDER BY p.organization_id, p.part", statement -> {
            statement.setString(1, tenant.value());
            statement.setInt(2, year);
        }, metrics.isEmpty() ? null : Set.copyOf(metrics));
    }

    /** Pack by pack, unsorted: the table build's read, one pass over the year's pointers and their packs. */
    @Override
    public void eachOfYear(TenantId tenant, int year, Consumer<List<ScoreFact>> facts) {
        JdbcReads.packs(dataSource, CURRENT_PACKS + " WHERE c.tenant_id = ? AND c.fiscal_year = ?", statement -> {
            statement.setString(1, tenant.value());
            statement.setInt(2, year);
        }, (row, packed) -> facts.accept(packed));
    }

    /** Facts of the packs in org-year order, each org-year's in {@link JdbcReads#FACT_ORDER}; {@code metrics} null: all. */
    private List<ScoreFact> read(String sql, JdbcReads.Binder binder, Set<String> metrics) {
        List<ScoreFact> facts = new ArrayList<>();
        int[] orgYearStart = {0};
        JdbcReads.packs(dataSource, sql, binder, (row, packed) -> {
            if (!packed.isEmpty() && facts.size() > orgYearStart[0]) {
                ScoreFact last = facts.get(facts.size() - 1);
                if (last.organizationId() != packed.get(0).organizationId() || last.year() != packed.get(0).year()) {
                    facts.subList(orgYearStart[0], facts.size()).sort(JdbcReads.FACT_ORDER);
                    orgYearStart[0] = facts.size();
                }
            }
            for (ScoreFact fact : packed) {
                if (metrics == null || metrics.contains(fact.metric())) {
                    facts.add(fact);
                }
            }
        });
        facts.subList(orgYearStart[0], facts.size()).sort(JdbcReads.FACT_ORDER);
        return facts;
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
