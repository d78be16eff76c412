package th.ita.app.access;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.tenant.TenantId;

/**
 * Each tenant's current scores as an in-memory {@link ScoreTable}: analytics then answer from memory
 * (the national dataset takes ≈40 MB and a few seconds to load).
 *
 * <p>A table is versioned by the tenant's publication version in the catalog, read before the
 * table's data: a table is reused only while no batch has been published since, so the first read
 * after a publish on any node sees the new scores (a loading or failed upload changes nothing and
 * forces no rebuild). Each tenant is rebuilt under its own lock — one tenant's rebuild never holds up
 * another's readers — and a table unused for {@code idle} is dropped.
 */
@Singleton
public class TenantTables {
    private final Organizations organizations;
    private final CurrentScores scores;
    private final BatchCatalog batches;
    private final Frameworks frameworks;
    private final Duration idle;
    private final Clock clock;
    private final Map<TenantId, Slot> slots = new ConcurrentHashMap<>();

    private final th.ita.app.analytics.AnalyticsSettings settings;

    @Inject
    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks,
                 @Value("${ita.analytics.table-idle:30m}") Duration idle, th.ita.app.analytics.AnalyticsSettings settings) {
        this(organizations, scores, batches, frameworks, idle, Clock.systemUTC(), settings);
    }

    /** Tables on the default basis (reported figures). */
    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks, Duration idle, Clock clock) {
        this(organizations, scores, batches, frameworks, idle, clock, null);
    }

    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks, Duration idle, Clock clock,
                 th.ita.app.analytics.AnalyticsSettings settings) {
        this.settings = settings;
        this.organizations = organizations;
        this.scores = scores;
        this.batches = batches;
        this.frameworks = frameworks;
        this.idle = idle;
        this.clock = clock;
    }

    private record Versioned(long version, ScoreTable table) {
    }

    /** One tenant's table and the lock its rebuilds take. */
    private static final class Slot {
        private volatile Versioned current;
        private volatile Instant lastUsed;

        Slot(Instant now) {
            this.lastUsed = now;
        }
    }

    public ScoreTable table(TenantId tenant) {
        Instant now = clock.instant();
        evictUnusedSince(now.minus(idle));
        long version = batches.publishedVersion(tenant);
        Slot slot = slots.computeIfAbsent(tenant, t -> new Slot(now));
        slot.lastUsed = now;
        Versioned known = slot.current;
        // Versions only grow: a table of a later version than this reader saw is newer, never staler.
        if (known != null && known.version() >= version) {
            return known.table();
        }
        synchronized (slot) {
            known = slot.current;
            if (known != null && known.version() >= version) {
                return known.table();
            }
            ScoreTable.Builder builder = ScoreTable.builder(organizations.all(tenant), frameworks, settings == null ? ScoreTable.Basis.REPORTED : settings.basisOf(tenant));
            for (int year : frameworks.years()) {
                builder.add(scores.ofYear(tenant, year, List.of()));
            }
            ScoreTable table = builder.build();
            slot.current = new Versioned(version, table);
            return table;
        }
    }

    private void evictUnusedSince(Instant cutoff) {
        slots.entrySet().removeIf(entry -> entry.getValue().lastUsed.isBefore(cutoff));
    }

    /** Tenants whose table is held in memory now. */
    int tablesHeld() {
        return (int) slots.values().stream().filter(slot -> slot.current != null).count();
    }
}
