package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchStatus;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;

/** Score facts and findings appended to ClickHouse under their batch; the relational catalog publishes them. */
final class ClickHouseScoreFacts implements ScoreFacts {
    private final ClickHouseFactTable table;
    private final BatchCatalog catalog;

    ClickHouseScoreFacts(ClickHouseFactTable table, BatchCatalog catalog) {
        this.table = requireNonNull(table, "table is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    public Writer writer(TenantId tenant, long batchId) {
        ClickHouseFactTable.FactWriter writer = table.writer(tenant, batchId);
        return new Writer() {
            @Override
            public void add(ScoreFact fact) {
                writer.add(fact);
            }

            @Override
            public void add(DataQualityFinding finding) {
                writer.add(finding);
            }

            @Override
            public void finish() {
                writer.finish();
            }

            @Override
            public void close() {
                writer.close();
            }
        };
    }

    /** Deletes a never-published batch's rows; a published batch's facts are history and stay. */
    @Override
    public void discard(TenantId tenant, long batchId) {
        boolean published = catalog.batch(tenant, batchId).map(batch -> batch.status() == BatchStatus.PUBLISHED).orElse(false);
        if (!published) {
            table.discard(tenant, batchId);
        }
    }

    @Override
    public List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit) {
        return table.findingsOfBatch(tenant, batchId, offset, limit);
    }
}
