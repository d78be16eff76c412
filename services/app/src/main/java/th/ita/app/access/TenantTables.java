package th.ita.app.access;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.table.ScoreTableSnapshot;
import th.ita.app.DataDirectory;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.tenant.TenantId;

/**
 * Each tenant's current scores as an in-memory {@link ScoreTable}: analytics then answer from memory
 * (the national dataset takes ≈40 MB).
 *
 * <p>A table is versioned by the tenant's publication version in the catalog, read before the
 * table's data: a table is reused only while no batch has been published since, so the first read
 * after a publish on any node sees the new scores (a loading or failed upload changes nothing and
 * forces no rebuild). Each tenant is rebuilt under its own lock — one tenant's rebuild never holds up
 * another's readers or another tenant's rebuild — and a table unused for {@code idle} is dropped.
 *
 * <p>Every table built from the store is also written as a columnar snapshot under the data directory
 * ({@code analytics/TENANT.table}, stamped with the publication version and basis, see
 * {@link ScoreTableSnapshot}); a table wanted for the version of its snapshot is read from it — the
 * national dataset in a fraction of a second instead of seconds of reading facts — so a restart does not
 * rebuild it. A snapshot of an older version, another basis or other organizations is never served; a
 * damaged one is rebuilt and replaced. After a publish the table is rebuilt in the background
 * ({@link #published}), so the next reader, and the next start, find it ready.
 */
@Singleton
public class TenantTables {
    private static final Logger LOG = LoggerFactory.getLogger(TenantTables.class);
    private final Organizations organizations;
    private final CurrentScores scores;
    private final BatchCatalog batches;
    private final Frameworks frameworks;
    private final Duration idle;
    private final Clock clock;
    private final Map<TenantId, Slot> slots = new ConcurrentHashMap<>();
    /** Where snapshots are kept, or null for none. */
    private final Path snapshots;
    private final th.ita.app.analytics.AnalyticsSettings settings;
    private final Set<TenantId> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService rebuilds;
    private final AtomicLong built = new AtomicLong();
    private final AtomicLong loaded = new AtomicLong();

    @Inject
    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks,
                 @Value("${ita.analytics.table-idle:30m}") Duration idle, th.ita.app.analytics.AnalyticsSettings settings,
                 @Value("${ita.data-directory}") Path dataDirectory, @Value("${ita.analytics.table-snapshots:true}") boolean snapshots) {
        this(organizations, scores, batches, frameworks, idle, Clock.systemUTC(), settings, snapshots ? dataDirectory.resolve("analytics") : null);
    }

    /** Tables on the default basis (reported figures), without snapshots. */
    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks, Duration idle, Clock clock) {
        this(organizations, scores, batches, frameworks, idle, clock, null, null);
    }

    /** Tables on the tenants' configured basis, without snapshots. */
    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks, Duration idle, Clock clock,
                 th.ita.app.analytics.AnalyticsSettings settings) {
        this(organizations, scores, batches, frameworks, idle, clock, settings, null);
    }

    TenantTables(Organizations organizations, CurrentScores scores, BatchCatalog batches, Frameworks frameworks, Duration idle, Clock clock,
                 th.ita.app.analytics.AnalyticsSettings settings, Path snapshots) {
        this.settings = settings;
        this.organizations = organizations;
        this.scores = scores;
        this.batches = batches;
        this.frameworks = frameworks;
        this.idle = idle;
        this.clock = clock;
        this.snapshots = snapshots;
        AtomicInteger number = new AtomicInteger();
        // As many background rebuilds at once as cores: tenants are rebuilt side by side, never one after another.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "analytics-table-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        this.rebuilds = executor;
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
            ScoreTable.Basis basis = settings == null ? ScoreTable.Basis.REPORTED : settings.basisOf(tenant);
            List<Organization> all = organizations.all(tenant);
            ScoreTableSnapshot.Stamp stamp = new ScoreTableSnapshot.Stamp(tenant.value(), version, basis);
            long started = System.nanoTime();
            ScoreTable table = fromSnapshot(tenant, stamp, all).orElse(null);
            if (table == null) {
                table = ScoreTable.builder(all, frameworks, basis).addCurrent(scores, tenant).build();
                writeSnapshot(tenant, stamp, table);
                // Counted once its snapshot is on disk, so whoever waits for a build finds the snapshot too.
                built.incrementAndGet();
                LOG.info("analytics table of tenant '{}' (publication {}, {} organizations) built from the store in {} ms", tenant, version, all.size(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                loaded.incrementAndGet();
                LOG.info("analytics table of tenant '{}' (publication {}, {} organizations) read from its snapshot in {} ms", tenant, version, all.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            slot.current = new Versioned(version, table);
            return table;
        }
    }

    /**
     * A batch of the tenant was published: its table is rebuilt in the background (at most one rebuild
     * waits per tenant; a rebuild finding the table current does nothing).
     */
    public void published(TenantId tenant) {
        inBackground(tenant);
    }

    private void inBackground(TenantId tenant) {
        if (pending.add(tenant)) {
            rebuilds.execute(() -> {
                pending.remove(tenant);
                try {
                    table(tenant);
                } catch (RuntimeException e) {
                    LOG.warn("loading the analytics table of tenant '{}' in the background failed (the next read retries): {}", tenant, e.toString());
                }
            });
        }
    }

    /**
     * At start: the table of every tenant that has a snapshot, in the background, so the first reader finds
     * it in memory (a snapshot of an older publication makes it a rebuild, also in the background).
     */
    public void warmUp() {
        if (snapshots == null || !Files.isDirectory(snapshots)) {
            return;
        }
        try (var files = Files.list(snapshots)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".table"))
                    .map(name -> name.substring(0, name.length() - ".table".length())).filter(TenantTables::isTenantId)
                    .forEach(tenant -> inBackground(TenantId.of(tenant)));
        } catch (IOException e) {
            LOG.warn("cannot list the analytics table snapshots in {}: {}", snapshots, e.getMessage());
        }
    }

    private static boolean isTenantId(String name) {
        try {
            TenantId.of(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private java.util.Optional<ScoreTable> fromSnapshot(TenantId tenant, ScoreTableSnapshot.Stamp stamp, List<Organization> all) {
        if (snapshots == null) {
            return java.util.Optional.empty();
        }
        Path file = snapshotFile(tenant);
        try {
            return ScoreTableSnapshot.read(file, stamp, all, frameworks);
        } catch (IOException e) {
            LOG.warn("the analytics table snapshot {} cannot be read ({}); rebuilding it from the store", file, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void writeSnapshot(TenantId tenant, ScoreTableSnapshot.Stamp stamp, ScoreTable table) {
        if (snapshots == null) {
            return;
        }
        try {
            DataDirectory.ownerOnlyDirectory(snapshots);
            ScoreTableSnapshot.write(table, stamp, frameworks, snapshotFile(tenant));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the analytics table snapshot of tenant '{}' under {}: {}", tenant, snapshots, e.toString());
        }
    }

    Path snapshotFile(TenantId tenant) {
        return snapshots.resolve(tenant.value() + ".table");
    }

    private void evictUnusedSince(Instant cutoff) {
        slots.entrySet().removeIf(entry -> entry.getValue().lastUsed.isBefore(cutoff));
    }

    /** Tenants whose table is held in memory now. */
    int tablesHeld() {
        return (int) slots.values().stream().filter(slot -> slot.current != null).count();
    }

    /** Tables built from the store's facts since the start, each counted once its snapshot is written. */
    public long tablesBuilt() {
        return built.get();
    }

    /** Tables read from a snapshot since the start. */
    public long tablesLoaded() {
        return loaded.get();
    }

    /**
     * Lets a rebuild under way finish for a few seconds (it then writes its snapshot), and never interrupts
     * one: an interrupted read of the embedded store closes the store's file under everyone.
     */
    @PreDestroy
    void close() {
        rebuilds.shutdown();
        try {
            rebuilds.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
