package th.ita.app.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.analytics.AnalyticsSettings;
import th.ita.core.access.AccessScope;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.IngestBatch;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.score.OrgYear;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;

/**
 * The scoped reads of callers over an in-memory store, for unit tests of what is built on them (charts):
 * organizations and scores are loaded as published batches, and every read of a tenant's table is counted.
 */
public final class InMemoryReads {
    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger tableReads = new AtomicInteger();
    private final ScopedData data;

    public InMemoryReads(AnalyticsSettings settings) {
        TenantTables tables = new TenantTables(store, store, store, Frameworks.bundled(), Duration.ofMinutes(30), Clock.systemUTC(), settings) {
            @Override
            public ScoreTable table(TenantId tenant) {
                tableReads.incrementAndGet();
                return super.table(tenant);
            }
        };
        this.data = new ScopedData(store, store, store, store, store, Frameworks.bundled(), tables, settings);
    }

    /** The defaults of {@code ita.analytics.*}, with the smallest group whose statistics are shown. */
    public static AnalyticsSettings settingsWithMinimumGroupSize(int minimumGroupSize) {
        return new AnalyticsSettings(0.5, 85, 90, 5, minimumGroupSize, "reported", null);
    }

    public InMemoryStore store() {
        return store;
    }

    /** Registers organizations in one published batch. */
    public List<Organization> register(TenantId tenant, List<NewOrganization> organizations) {
        IngestBatch batch = store.start(tenant, "organizations.csv", "organizations-" + organizations.hashCode(), "csv", "node-a");
        List<Organization> registered = store.register(tenant, batch.id(), organizations);
        store.publish(tenant, batch.id(), List.of(), new BatchCounts(organizations.size(), 0, 0, 0, 0, 0));
        return registered;
    }

    /** Loads and publishes one batch of reported scores. */
    public void publish(TenantId tenant, String fileName, List<ScoreFact> facts) {
        IngestBatch batch = store.start(tenant, fileName, "checksum-" + fileName + facts.hashCode(), "csv", "node-a");
        try (ScoreFacts.Writer writer = store.writer(tenant, batch.id())) {
            facts.forEach(writer::add);
            writer.finish();
        }
        List<OrgYear> orgYears = facts.stream().map(f -> new OrgYear(f.organizationId(), f.year())).distinct().toList();
        store.publish(tenant, batch.id(), orgYears, new BatchCounts(facts.size(), facts.size(), 0, 0, 0, orgYears.size()));
    }

    public static ScoreFact reported(Organization organization, int year, String metric, double value) {
        return new ScoreFact(organization.id(), year, metric, value, Provenance.REPORTED);
    }

    /** The reads of one request of a caller with this scope. */
    public ScopedData.Reads of(AccessScope scope) {
        return data.of(new Caller(1, 1, scope), scope.tenant().value());
    }

    /** How many times a tenant's table was asked for (each ask is a freshness check against the store). */
    public int tableReads() {
        return tableReads.get();
    }
}
