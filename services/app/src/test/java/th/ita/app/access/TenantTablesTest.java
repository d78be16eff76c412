package th.ita.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.IngestBatch;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYear;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;

class TenantTablesTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    private static final TenantId OTHER = TenantId.of("demo-b");
    private final InMemoryStore store = new InMemoryStore();
    private final MovableClock clock = new MovableClock(Instant.parse("2025-10-01T03:00:00Z"));
    private final TenantTables tables = new TenantTables(store, store, store, Frameworks.bundled(), Duration.ofMinutes(30), clock);

    private Organization muangYai(TenantId tenant) {
        IngestBatch batch = store.start(tenant, "organizations.csv", "organizations", "csv", "node-a");
        Organization organization = store.register(tenant, batch.id(), List.of(new NewOrganization("5713-01", "ม่วงยาย", null,
                OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of()))).get(0);
        store.publish(tenant, batch.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));
        return organization;
    }

    private IngestBatch load(TenantId tenant, Organization organization, double total) {
        IngestBatch batch = store.start(tenant, total + ".csv", "checksum-" + total, "csv", "node-a");
        try (ScoreFacts.Writer writer = store.writer(tenant, batch.id())) {
            writer.add(new ScoreFact(organization.id(), 2568, "total", total, Provenance.REPORTED));
            writer.finish();
        }
        return batch;
    }

    private void publish(TenantId tenant, IngestBatch batch, Organization organization) {
        store.publish(tenant, batch.id(), List.of(new OrgYear(organization.id(), 2568)), new BatchCounts(1, 1, 0, 0, 0, 1));
    }

    private static double total(ScoreTable table, Organization organization) {
        return table.value(2568, "total", table.indexOf(organization.id()).orElseThrow());
    }

    @Test
    void showsABatchPublishedWhileItWasReadDuringTheLoad() {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        assertThat(total(tables.table(TENANT), organization)).isEqualTo(93.61);

        IngestBatch loading = load(TENANT, organization, 93.72);
        assertThat(total(tables.table(TENANT), organization)).isEqualTo(93.61);
        publish(TENANT, loading, organization);

        assertThat(total(tables.table(TENANT), organization)).isEqualTo(93.72);
    }

    @Test
    void keepsTheTableWhenAnUploadLoadsOrFails() {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        ScoreTable before = tables.table(TENANT);

        IngestBatch failed = load(TENANT, organization, 10.00);
        assertThat(tables.table(TENANT)).isSameAs(before);
        store.fail(TENANT, failed.id(), th.ita.core.message.Message.of("batch.failure.noValidScores"), new BatchCounts(1, 0, 0, 1, 0, 0));

        assertThat(tables.table(TENANT)).isSameAs(before);
    }

    @Test
    void dropsATableNoOneReadForTheIdleTime() {
        muangYai(TENANT);
        muangYai(OTHER);
        ScoreTable first = tables.table(TENANT);
        tables.table(OTHER);
        clock.advance(Duration.ofMinutes(20));
        tables.table(OTHER);
        clock.advance(Duration.ofMinutes(20));
        tables.table(OTHER);

        assertThat(tables.tablesHeld()).isEqualTo(1);
        assertThat(tables.table(TENANT)).isNotSameAs(first);
    }

    @Test
    void servesOneTenantWhileAnothersTableIsBeingRebuilt() throws Exception {
        Organization other = muangYai(OTHER);
        muangYai(TENANT);
        publish(OTHER, load(OTHER, other, 88.00), other);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CurrentScores slowForTenant = new CurrentScores() {
            @Override
            public List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
                return store.ofOrganization(tenant, organizationId);
            }

            @Override
            public List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
                if (tenant.equals(TENANT)) {
                    building.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return store.ofYear(tenant, year, metrics);
            }

            @Override
            public List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId) {
                return store.findingsOf(tenant, organizationId);
            }
        };
        TenantTables slow = new TenantTables(store, slowForTenant, store, Frameworks.bundled(), Duration.ofMinutes(30), clock);

        CompletableFuture<ScoreTable> rebuilding = CompletableFuture.supplyAsync(() -> slow.table(TENANT));
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ScoreTable> otherTenant = CompletableFuture.supplyAsync(() -> slow.table(OTHER));

        assertThat(total(otherTenant.get(5, TimeUnit.SECONDS), other)).isEqualTo(88.00);
        release.countDown();
        assertThat(rebuilding.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    /** The store's facts, counting how often a table reads them. */
    private final class CountingScores implements CurrentScores {
        private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
            return store.ofOrganization(tenant, organizationId);
        }

        @Override
        public List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
            reads.incrementAndGet();
            return store.ofYear(tenant, year, metrics);
        }

        @Override
        public List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId) {
            return store.findingsOf(tenant, organizationId);
        }
    }

    private TenantTables withSnapshots(CurrentScores scores, Path directory) {
        return new TenantTables(store, scores, store, Frameworks.bundled(), Duration.ofMinutes(30), clock, null, directory);
    }

    @Test
    void aRestartReadsTheTableFromItsSnapshotWithoutReadingAFact(@TempDir Path directory) {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        TenantTables before = withSnapshots(store, directory);
        before.table(TENANT);
        assertThat(before.tablesBuilt()).isEqualTo(1);

        CountingScores scores = new CountingScores();
        TenantTables restarted = withSnapshots(scores, directory);

        assertThat(total(restarted.table(TENANT), organization)).isEqualTo(93.61);
        assertThat(scores.reads).hasValue(0);
        assertThat(restarted.tablesLoaded()).isEqualTo(1);
        assertThat(restarted.tablesBuilt()).isZero();
    }

    @Test
    void aSnapshotOfAnEarlierPublicationIsNeverServed(@TempDir Path directory) {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        withSnapshots(store, directory).table(TENANT);
        // Published while the node was down: its snapshot is of the version before.
        publish(TENANT, load(TENANT, organization, 93.72), organization);

        CountingScores scores = new CountingScores();
        TenantTables restarted = withSnapshots(scores, directory);

        assertThat(total(restarted.table(TENANT), organization)).isEqualTo(93.72);
        assertThat(restarted.tablesBuilt()).isEqualTo(1);
        assertThat(scores.reads.get()).isPositive();
        // ... and the snapshot now holds the new version: the next start reads it.
        CountingScores again = new CountingScores();
        assertThat(total(withSnapshots(again, directory).table(TENANT), organization)).isEqualTo(93.72);
        assertThat(again.reads).hasValue(0);
    }

    @Test
    void aDamagedSnapshotIsRebuiltFromTheStoreAndReplaced(@TempDir Path directory) throws Exception {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        TenantTables first = withSnapshots(store, directory);
        first.table(TENANT);
        Path file = first.snapshotFile(TENANT);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x7f;
        Files.write(file, bytes);

        TenantTables restarted = withSnapshots(store, directory);

        assertThat(total(restarted.table(TENANT), organization)).isEqualTo(93.61);
        assertThat(restarted.tablesBuilt()).isEqualTo(1);
        TenantTables third = withSnapshots(store, directory);
        third.table(TENANT);
        assertThat(third.tablesLoaded()).isEqualTo(1);
    }

    @Test
    void eachTenantHasItsOwnSnapshot(@TempDir Path directory) {
        Organization mine = muangYai(TENANT);
        Organization theirs = muangYai(OTHER);
        publish(TENANT, load(TENANT, mine, 93.61), mine);
        publish(OTHER, load(OTHER, theirs, 70.00), theirs);
        TenantTables before = withSnapshots(store, directory);
        before.table(TENANT);
        before.table(OTHER);

        TenantTables restarted = withSnapshots(store, directory);

        assertThat(total(restarted.table(OTHER), theirs)).isEqualTo(70.00);
        assertThat(total(restarted.table(TENANT), mine)).isEqualTo(93.61);
        assertThat(restarted.tablesLoaded()).isEqualTo(2);
    }

    @Test
    void aPublishRebuildsTheTableAndItsSnapshotInTheBackground(@TempDir Path directory) throws Exception {
        Organization organization = muangYai(TENANT);
        publish(TENANT, load(TENANT, organization, 93.61), organization);
        TenantTables running = withSnapshots(store, directory);
        running.table(TENANT);
        publish(TENANT, load(TENANT, organization, 93.72), organization);

        running.published(TENANT);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.tablesBuilt() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(running.tablesBuilt()).isEqualTo(2);
        CountingScores scores = new CountingScores();
        assertThat(total(withSnapshots(scores, directory).table(TENANT), organization)).isEqualTo(93.72);
        assertThat(scores.reads).hasValue(0);
    }

    @Test
    void aStartLoadsTheTablesOfEveryTenantWithASnapshotBeforeAnyoneAsks(@TempDir Path directory) throws Exception {
        Organization mine = muangYai(TENANT);
        Organization theirs = muangYai(OTHER);
        publish(TENANT, load(TENANT, mine, 93.61), mine);
        publish(OTHER, load(OTHER, theirs, 70.00), theirs);
        TenantTables before = withSnapshots(store, directory);
        before.table(TENANT);
        before.table(OTHER);
        Files.writeString(directory.resolve("not a tenant.table"), "ignored");

        TenantTables restarted = withSnapshots(store, directory);
        restarted.warmUp();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (restarted.tablesLoaded() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(restarted.tablesLoaded()).isEqualTo(2);
        assertThat(restarted.tablesHeld()).isEqualTo(2);
        assertThat(restarted.tablesBuilt()).isZero();
    }
}
