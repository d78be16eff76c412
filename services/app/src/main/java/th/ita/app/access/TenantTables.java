package th.ita.app.access;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.IngestBatches;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organizations;
import th.ita.core.score.ScoreStore;
import th.ita.core.tenant.TenantId;

/**
 * Each tenant's current scores as an in-memory {@link ScoreTable}, rebuilt when a newer batch exists:
 * analytics then answer from memory (the national dataset takes ≈40 MB and a few seconds to load).
 */
@Singleton
public class TenantTables {
    private final Organizations organizations;
    private final ScoreStore scores;
    private final IngestBatches batches;
    private final Frameworks frameworks;
    private final Map<TenantId, Versioned> tables = new ConcurrentHashMap<>();

    TenantTables(Organizations organizations, ScoreStore scores, IngestBatches batches, Frameworks frameworks) {
        this.organizations = organizations;
        this.scores = scores;
        this.batches = batches;
        this.frameworks = frameworks;
    }

    private record Versioned(long newestBatch, ScoreTable table) {
    }

    public ScoreTable table(TenantId tenant) {
        long newest = batches.list(tenant, 1).stream().mapToLong(IngestBatch::id).findFirst().orElse(0);
        Versioned known = tables.get(tenant);
        if (known != null && known.newestBatch() == newest) {
            return known.table();
        }
        synchronized (this) {
            known = tables.get(tenant);
            if (known != null && known.newestBatch() == newest) {
                return known.table();
            }
            ScoreTable.Builder builder = ScoreTable.builder(organizations.all(tenant), frameworks);
            for (int year : frameworks.years()) {
                builder.add(scores.currentScores(tenant, year, List.of()));
            }
            ScoreTable table = builder.build();
            tables.put(tenant, new Versioned(newest, table));
            return table;
        }
    }
}
