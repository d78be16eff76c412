package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import th.ita.core.batch.CurrentSources;
import th.ita.core.score.ScoreHistory;
import th.ita.core.tenant.TenantId;

/** The values every published batch gave an org-year: batches from the catalog, values from ClickHouse. */
final class ClickHouseScoreHistory implements ScoreHistory {
    private final ClickHouseFactTable table;
    private final CurrentSources sources;

    ClickHouseScoreHistory(ClickHouseFactTable table, CurrentSources sources) {
        this.table = requireNonNull(table, "table is null");
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public List<HistoricalScore> of(TenantId tenant, long organizationId, int year, String metric) {
        List<Long> published = sources.publishedCovering(tenant, organizationId, year);
        Long current = sources.ofOrganization(tenant, organizationId).get(year);
        return table.values(tenant, organizationId, year, metric, published).stream()
                .map(value -> new HistoricalScore(value.batchId(), value.value(), value.provenance(), Long.valueOf(value.batchId()).equals(current)))
                .toList();
    }
}
