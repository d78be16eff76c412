package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.ReclaimAbandonedBatches;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.StoreCounts;

/**
 * The behaviour every store adapter must have, stated through the ports only. Each adapter's test
 * extends this, supplies its ports, says which optional behaviours it lacks ({@link #hasBehavior}) and
 * how many facts make a large batch for it; tests use their own tenant ids so they do not see each
 * other's rows.
 */
public abstract class StoreContract {
    private static final BatchCounts ONE = new BatchCounts(1, 1, 1, 0, 0, 1);
    private static final Message NO_VALID_SCORES = Message.of("batch.failure.noValidScores");

    protected abstract Organizations organizations();

    protected abstract BatchCatalog catalog();

    protected abstract ScoreFacts facts();

    protected abstract CurrentScores current();

    protected abstract ScoreHistory history();

    /** Whether the adapter has an optional behaviour; tests that need one it lacks are skipped. */
    protected boolean hasBehavior(StoreBehavior behavior) {
        return true;
    }

    /** A number of facts this adapter cannot take in one piece (more than its buffers hold). */
    protected int manyFacts() {
        return 1_000;
    }

    private static int tenants;

    private static synchronized TenantId freshTenant() {
        return TenantId.of("contract-" + System.nanoTime() % 1_000_000_000L + "-" + ++tenants);
    }

    private IngestBatch start(TenantId tenant, String file) {
        return catalog().start(tenant, file, file + "-checksum", "csv", "node-a");
    }

    private Organization muangYai(TenantId tenant) {
        IngestBatch batch = start(tenant, "organizations.csv");
        Organization registered = register(tenant, batch.id(), "5713-01", "ม่วงยาย", List.of("ม่วงฝอย"));
        catalog().publish(tenant, batch.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));
        return registered;
    }

    private Organization register(TenantId tenant, long batchId, String code, String name, List<String> aliases) {
        return organizations().register(tenant, batchId, List.of(new NewOrganization(code, name, null,
                OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", aliases))).get(0);
    }

    private void write(TenantId tenant, long batchId, ScoreFact... scoreFacts) {
        try (ScoreFacts.Writer writer = facts().writer(tenant, batchId)) {
            for (ScoreFact fact : scoreFacts) {
                writer.add(fact);
            }
            writer.finish();
        }
    }

    private long publish(TenantId tenant, Organization organization, int year, double total, String file) {
        IngestBatch batch = start(tenant, file);
        write(tenant, batch.id(), new ScoreFact(organization.id(), year, "total", total, Provenance.REPORTED),
                new ScoreFact(organization.id(), year, "IIT", 98.29, Provenance.DERIVED));
        catalog().publish(tenant, batch.id(), List.of(new OrgYear(organization.id(), year)), ONE);
        return batch.id();
    }

    @Test
    void registersOrganizationsWithTheirAliases() {
        assumeTrue(hasBehavior(StoreBehavior.STORES_ORGANIZATIONS));
        TenantId tenant = freshTenant();
        Organization registered = muangYai(tenant);

        Organization found = organizations().byCode(tenant, "5713-01").orElseThrow();
        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(found.fullNameTh()).isEqualTo("เทศบาลตำบลม่วงยาย");
        assertThat(found.aliases()).containsExactly("ม่วงฝอย");
        assertThat(organizations().count(tenant)).isEqualTo(1);
    }

    @Test
    void keepsTheOrganizationsAndAliasesOfABatchInvisibleUntilItIsPublished() {
        assumeTrue(hasBehavior(StoreBehavior.STORES_ORGANIZATIONS));
        TenantId tenant = freshTenant();
        Organization known = muangYai(tenant);
        IngestBatch batch = start(tenant, "new.csv");
        Organization added = register(tenant, batch.id(), "5713-02", "ท่าข้าม", List.of());
        organizations().addAliases(tenant, batch.id(), known.id(), List.of("ม่วงยาย ๒"));

        assertThat(organizations().byCode(tenant, "5713-02")).isEmpty();
        assertThat(organizations().byId(tenant, added.id())).isEmpty();
        assertThat(organizations().all(tenant)).extracting(Organization::code).containsExactly("5713-01");
        assertThat(organizations().byId(tenant, known.id()).orElseThrow().aliases()).containsExactly("ม่วงฝอย");
        assertThat(organizations().count(tenant)).isEqualTo(1);

        catalog().publish(tenant, batch.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));

        assertThat(organizations().all(tenant)).extracting(Organization::code).containsExactly("5713-01", "5713-02");
        assertThat(organizations().byId(tenant, known.id()).orElseThrow().aliases()).containsExactlyInAnyOrder("ม่วงฝอย", "ม่วงยาย ๒");
    }

    @Test
    void forgetsTheOrganizationsAndAliasesOfAFailedBatch() {
        assumeTrue(hasBehavior(StoreBehavior.STORES_ORGANIZATIONS));
        TenantId tenant = freshTenant();
        Organization known = muangYai(tenant);
        IngestBatch failed = start(tenant, "failed.csv");
        register(tenant, failed.id(), "5713-02", "ท่าข้าม", List.of());
        organizations().addAliases(tenant, failed.id(), known.id(), List.of("ม่วงยาย ๒"));
        catalog().fail(tenant, failed.id(), Message.of("file.unreadable"), new BatchCounts(1, 0, 0, 1, 0, 0));

        IngestBatch retry = start(tenant, "retry.csv");
        Organization again = register(tenant, retry.id(), "5713-02", "ท่าข้าม", List.of());
        catalog().publish(tenant, retry.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));

        assertThat(organizations().all(tenant)).extracting(Organization::id).containsExactly(known.id(), again.id());
        assertThat(organizations().byId(tenant, known.id()).orElseThrow().aliases()).containsExactly("ม่วงฝอย");
    }

    @Test
    void rejectsADuplicateOrganizationCodeAndRegistersNoneOfTheBatch() {
        assumeTrue(hasBehavior(StoreBehavior.STORES_ORGANIZATIONS));
        TenantId tenant = freshTenant();
        muangYai(tenant);
        IngestBatch batch = start(tenant, "duplicate.csv");

        assertThatThrownBy(() -> organizations().register(tenant, batch.id(), List.of(
                new NewOrganization("5713-02", "ท่าข้าม", null, OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "57", "5713", List.of()),
                new NewOrganization("5713-01", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of()))))
                .isInstanceOf(ItaException.class)
                .extracting(e -> ((ItaException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        catalog().publish(tenant, batch.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));
        assertThat(organizations().count(tenant)).isEqualTo(1);
    }

    @Test
    void keepsATenantsOrganizationsAndScoresInvisibleToAnotherTenant() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        Organization organization = muangYai(tenant);
        publish(tenant, organization, 2568, 95.41, "a.csv");

        assertThat(organizations().byCode(other, "5713-01")).isEmpty();
        assertThat(organizations().byId(other, organization.id())).isEmpty();
        assertThat(current().ofOrganization(other, organization.id())).isEmpty();
        assertThat(current().ofYear(other, 2568, List.of())).isEmpty();
        assertThat(catalog().list(other, 10)).isEmpty();
        assertThat(catalog().publishedVersion(other)).isZero();
    }

    @Test
    void publishesABatchAllAtOnce() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = catalog().start(tenant, "a.csv", "abc", "csv", "node-a");
        write(tenant, batch.id(), new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
        assertThat(current().ofOrganization(tenant, organization.id())).isEmpty();
        assertThat(current().ofYear(tenant, 2568, List.of())).isEmpty();

        catalog().publish(tenant, batch.id(), List.of(new OrgYear(organization.id(), 2568)), new BatchCounts(1, 1, 0, 0, 0, 1));

        assertThat(current().ofOrganization(tenant, organization.id()))
                .containsExactly(new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
        IngestBatch published = catalog().batch(tenant, batch.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(published.scoresAccepted()).isEqualTo(1);
        assertThat(published.owner()).isEqualTo("node-a");
        assertThat(catalog().publishedWithChecksum(tenant, "abc")).map(IngestBatch::id).contains(batch.id());
    }

    @Test
    void showsNothingOfALargeBatchThatFailed() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = start(tenant, "large.csv");
        try (ScoreFacts.Writer writer = facts().writer(tenant, batch.id())) {
            for (int i = 0; i < manyFacts(); i++) {
                writer.add(new ScoreFact(organization.id(), 2500 + i % 100, "o" + i, 50, Provenance.REPORTED));
            }
            writer.finish();
        }
        assertThat(catalog().fail(tenant, batch.id(), NO_VALID_SCORES, new BatchCounts(manyFacts(), 0, 0, 0, 0, 0))).isTrue();
        facts().discard(tenant, batch.id());

        assertThat(current().ofOrganization(tenant, organization.id())).isEmpty();
        assertThat(catalog().batch(tenant, batch.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThatThrownBy(() -> catalog().publish(tenant, batch.id(), List.of(new OrgYear(organization.id(), 2500)), ONE))
                .isInstanceOf(ItaException.class)
                .extracting(e -> ((ItaException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(current().ofYear(tenant, 2500, List.of())).isEmpty();
    }

    @Test
    void failsOnlyABatchThatIsStillLoading() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        long published = publish(tenant, organization, 2568, 95.41, "a.csv");

        assertThat(catalog().fail(tenant, published, NO_VALID_SCORES, new BatchCounts(1, 0, 0, 1, 0, 0))).isFalse();

        assertThat(catalog().batch(tenant, published).orElseThrow().status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(current().ofOrganization(tenant, organization.id())).extracting(ScoreFact::value).contains(95.41);
    }

    @Test
    void movesThePublishedVersionWithEveryPublishedBatchAndNothingElse() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        long before = catalog().publishedVersion(tenant);
        IngestBatch loading = start(tenant, "loading.csv");
        IngestBatch failed = start(tenant, "failed.csv");
        catalog().fail(tenant, failed.id(), NO_VALID_SCORES, new BatchCounts(1, 0, 0, 1, 0, 0));
        assertThat(catalog().publishedVersion(tenant)).isEqualTo(before);

        publish(tenant, organization, 2568, 95.41, "a.csv");
        long afterOne = catalog().publishedVersion(tenant);
        catalog().publish(tenant, loading.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));

        assertThat(afterOne).isGreaterThan(before);
        assertThat(catalog().publishedVersion(tenant)).isGreaterThan(afterOne);
    }

    @Test
    void keepsReplacedValuesTraceable() {
        assumeTrue(hasBehavior(StoreBehavior.TRACES_HISTORY));
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        long first = publish(tenant, organization, 2568, 95.00, "first.csv");
        long second = publish(tenant, organization, 2568, 95.41, "second.csv");

        assertThat(current().ofOrganization(tenant, organization.id()))
                .filteredOn(fact -> fact.metric().equals("total"))
                .extracting(ScoreFact::value).containsExactly(95.41);
        assertThat(history().of(tenant, organization.id(), 2568, "total")).containsExactly(
                new ScoreHistory.HistoricalScore(first, 95.00, Provenance.REPORTED, false),
                new ScoreHistory.HistoricalScore(second, 95.41, Provenance.REPORTED, true));
    }

    @Test
    void readsAYearForEveryOrganizationFilteredByMetric() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        publish(tenant, organization, 2567, 90.10, "2567.csv");
        publish(tenant, organization, 2568, 95.41, "2568.csv");

        assertThat(current().ofYear(tenant, 2568, Set.of("total")))
                .containsExactly(new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
        assertThat(current().ofYear(tenant, 2568, List.of())).hasSize(2);
        List<ScoreFact> streamed = new java.util.ArrayList<>();
        current().eachOfYear(tenant, 2568, streamed::addAll);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(current().ofYear(tenant, 2568, List.of()));
        assertThat(StoreCounts.currentScores(current(), tenant, List.of(2566, 2567, 2568))).isEqualTo(4);
    }

    @Test
    void storesFindingsWithTheBatchAndShowsThoseOfCurrentOrgYears() {
        assumeTrue(hasBehavior(StoreBehavior.RECORDS_FINDINGS));
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = start(tenant, "a.csv");
        DataQualityFinding finding = new DataQualityFinding(organization.id(), 2568, "ind10", DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED,
                "90.00", "93.75", "ind10 reported 90.00 but the mean of its items gives 93.75");
        try (ScoreFacts.Writer writer = facts().writer(tenant, batch.id())) {
            writer.add(new ScoreFact(organization.id(), 2568, "ind10", 90.00, Provenance.REPORTED));
            writer.add(new ScoreFact(organization.id(), 2568, "ind10", 93.75, Provenance.DERIVED));
            writer.add(finding);
            writer.finish();
        }
        assertThat(current().findingsOf(tenant, organization.id())).isEmpty();
        catalog().publish(tenant, batch.id(), List.of(new OrgYear(organization.id(), 2568)), new BatchCounts(1, 1, 1, 0, 1, 1));

        assertThat(current().findingsOf(tenant, organization.id())).containsExactly(finding);
        assertThat(facts().findingsOfBatch(tenant, batch.id(), 0, 10)).containsExactly(finding);
        assertThat(current().ofOrganization(tenant, organization.id())).extracting(ScoreFact::provenance)
                .containsExactlyInAnyOrder(Provenance.REPORTED, Provenance.DERIVED);
    }

    @Test
    void keepsRowErrorsInFileOrder() {
        assumeTrue(hasBehavior(StoreBehavior.KEEPS_ROW_ERRORS));
        TenantId tenant = freshTenant();
        IngestBatch batch = catalog().start(tenant, "bad.csv", "bad", "csv", "node-a");
        catalog().addErrors(tenant, batch.id(), List.of(new RowError(3, "value", "120", "OUT_OF_RANGE", "score 120 is outside 0–100")));
        catalog().addErrors(tenant, batch.id(), List.of(new RowError(7, "province", "เชียงใหม่่", "UNKNOWN_PROVINCE", "unknown province")));
        catalog().fail(tenant, batch.id(), NO_VALID_SCORES, new BatchCounts(2, 0, 0, 2, 0, 0));

        assertThat(catalog().errors(tenant, batch.id(), 0, 10)).extracting(RowError::line).containsExactly(3L, 7L);
        assertThat(catalog().errors(tenant, batch.id(), 1, 10)).extracting(RowError::line).containsExactly(7L);
        assertThat(catalog().batch(tenant, batch.id()).orElseThrow().failure().key()).contains("batch.failure.noValidScores");
    }

    @Test
    void keepsTheReasonOfAFailedBatchAsAMessageThatReadsInThaiAndInEnglish() {
        TenantId tenant = freshTenant();
        IngestBatch batch = catalog().start(tenant, "cut.csv", "cut", "csv", "node-a");
        Message truncated = Message.of("file.atLine", "line", 12L, "reason", Message.of("file.truncated", "format", "CSV"));

        catalog().fail(tenant, batch.id(), truncated, new BatchCounts(11, 0, 0, 0, 0, 0));

        IngestBatch failed = catalog().batch(tenant, batch.id()).orElseThrow();
        assertThat(failed.failure().key()).contains("file.atLine");
        assertThat(failed.failure().in(Language.TH)).isEqualTo("บรรทัด 12: อ่าน CSV ต่อไม่ได้: ไฟล์ขาดหรือผิดรูปแบบ");
        assertThat(failed.failure().in(Language.EN)).isEqualTo("line 12: the CSV cannot be read on: the file is truncated or malformed");
        assertThat(catalog().list(tenant, 10).get(0).failure().in(Language.TH)).isEqualTo(failed.failure().in(Language.TH));
        assertThat(catalog().publishedWithChecksum(tenant, "cut")).isEmpty();
    }

    @Test
    void recordsTheOwnerAndTheHeartbeatOfALoadingBatch() {
        TenantId tenant = freshTenant();
        IngestBatch batch = catalog().start(tenant, "a.csv", "abc", "csv", "node-b");
        catalog().heartbeat(tenant, batch.id());

        IngestBatch loading = catalog().loading(tenant).get(0);
        assertThat(loading.id()).isEqualTo(batch.id());
        assertThat(loading.owner()).isEqualTo("node-b");
        assertThat(loading.heartbeatAt()).isAfterOrEqualTo(batch.startedAt());
        assertThat(catalog().tenantsWithLoadingBatches()).contains(tenant);
    }

    @Test
    void reclaimsTheBatchesOfItsOwnEarlierRunButNotThoseOfALiveNode() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch mine = catalog().start(tenant, "crash.csv", "crash", "csv", "node-a");
        IngestBatch othersRegistering = catalog().start(tenant, "live.csv", "live", "csv", "node-b");
        register(tenant, othersRegistering.id(), "5713-02", "ท่าข้าม", List.of());
        ScoreFacts.Writer writer = facts().writer(tenant, mine.id());
        for (int i = 0; i < manyFacts(); i++) {
            writer.add(new ScoreFact(organization.id(), 2568, "x" + i, 1, Provenance.REPORTED));
        }
        // Node a "dies" here: the writer is never finished nor closed. It starts again.

        int reclaimed = new ReclaimAbandonedBatches(catalog(), facts(), "node-a", Duration.ofMinutes(5), Clock.systemUTC()).reclaim(tenant, true);

        assertThat(reclaimed).isEqualTo(1);
        assertThat(catalog().batch(tenant, mine.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(catalog().batch(tenant, mine.id()).orElseThrow().failure().key()).contains("batch.failure.interrupted");
        writer.close();
        assertThat(current().ofOrganization(tenant, organization.id())).isEmpty();
        // Node b is alive: its upload goes on and publishes.
        assertThat(catalog().batch(tenant, othersRegistering.id()).orElseThrow().status()).isEqualTo(BatchStatus.LOADING);
        catalog().publish(tenant, othersRegistering.id(), List.of(), new BatchCounts(1, 0, 0, 0, 0, 0));
        if (hasBehavior(StoreBehavior.STORES_ORGANIZATIONS)) {
            assertThat(organizations().byCode(tenant, "5713-02")).isPresent();
        }
    }

    @Test
    void reclaimsTheBatchesOfADeadNodeOnceTheirHeartbeatIsStale() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        IngestBatch dead = catalog().start(tenant, "dead.csv", "dead", "csv", "node-dead");
        IngestBatch otherTenants = catalog().start(other, "dead.csv", "dead", "csv", "node-dead");
        Instant later = Instant.now().plus(Duration.ofHours(1));

        ReclaimAbandonedBatches now = new ReclaimAbandonedBatches(catalog(), facts(), "node-a", Duration.ofMinutes(5), Clock.systemUTC());
        ReclaimAbandonedBatches anHourLater = new ReclaimAbandonedBatches(catalog(), facts(), "node-a", Duration.ofMinutes(5),
                Clock.fixed(later, ZoneOffset.UTC));

        assertThat(now.reclaim(tenant, false)).isZero();
        assertThat(anHourLater.reclaim(tenant, false)).isEqualTo(1);
        assertThat(catalog().batch(tenant, dead.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(catalog().batch(other, otherTenants.id()).orElseThrow().status()).isEqualTo(BatchStatus.LOADING);
        catalog().fail(other, otherTenants.id(), NO_VALID_SCORES, new BatchCounts(0, 0, 0, 0, 0, 0));
    }
}
