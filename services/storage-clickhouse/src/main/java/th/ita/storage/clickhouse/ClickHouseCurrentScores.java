package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import th.ita.core.batch.CurrentSources;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/**
 * Current values: the catalog names the source batch of each org-year, ClickHouse returns the facts of
 * exactly those batches. Facts of a published batch never change, so the answer is the state as of the
 * moment the pointers were read, even if a publication happens in between.
 */
final class ClickHouseCurrentScores implements CurrentScores {
    private final ClickHouseFactTable table;
    private final CurrentSources sources;

    ClickHouseCurrentScores(ClickHouseFactTable table, CurrentSources sources) {
        this.table = requireNonNull(table, "table is null");
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
        return table.ofOrganization(tenant, organizationId, sources.ofOrganization(tenant, organizationId));
    }

    @Override
    public List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
        return table.ofYear(tenant, year, metrics, sources.ofYear(tenant, year));
    }

    @Override
    public List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId) {
        return table.findingsOf(tenant, organizationId, sources.ofOrganization(tenant, organizationId));
    }
}
