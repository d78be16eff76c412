package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.IngestBatches;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;

/**
 * The behaviour every store adapter must have. Each adapter's test extends this and supplies a fresh
 * store; tests use their own tenant ids so they do not see each other's rows.
 */
public abstract class ScoreStoreContract {
    protected abstract ScoreStore scores();

    protected abstract Organizations organizations();

    protected abstract IngestBatches batches();

    private static int tenants;

    private static synchronized TenantId freshTenant() {
        return TenantId.of("contract-" + System.nanoTime() % 1_000_000_000L + "-" + ++tenants);
    }

    private Organization muangYai(TenantId tenant) {
        return organizations().register(tenant, List.of(new NewOrganization("5713-01", "ม่วงยาย", null,
                OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of("ม่วงฝอย")))).get(0);
    }

    private long publish(TenantId tenant, Organization organization, int year, double total, String file) {
        IngestBatch batch = batches().start(tenant, file, file + "-checksum", "csv");
        try (ScoreStore.BatchWriter writer = scores().open(tenant, batch.id())) {
            writer.add(new ScoreFact(organization.id(), year, "total", total, Provenance.REPORTED));
            writer.add(new ScoreFact(organization.id(), year, "IIT", 98.29, Provenance.DERIVED));
            writer.publish(List.of(new OrgYear(organization.id(), year)), new BatchCounts(1, 1, 1, 0, 0, 1));
        }
        return batch.id();
    }

    @Test
    void registersOrganizationsWithTheirAliases() {
        TenantId tenant = freshTenant();
        Organization registered = muangYai(tenant);

        Organization found = organizations().byCode(tenant, "5713-01").orElseThrow();
        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(found.fullNameTh()).isEqualTo("เทศบาลตำบลม่วงยาย");
        assertThat(found.aliases()).containsExactly("ม่วงฝอย");
        assertThat(organizations().count(tenant)).isEqualTo(1);
    }

    @Test
    void rejectsADuplicateOrganizationCodeAndRegistersNoneOfTheBatch() {
        TenantId tenant = freshTenant();
        muangYai(tenant);

        assertThatThrownBy(() -> organizations().register(tenant, List.of(
                new NewOrganization("5713-02", "ท่าข้าม", null, OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "57", "5713", List.of()),
                new NewOrganization("5713-01", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of()))))
                .isInstanceOf(ItaException.class)
                .extracting(e -> ((ItaException) e).code()).isEqualTo(ErrorCode.CONFLICT);
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
        assertThat(scores().currentScores(other, organization.id())).isEmpty();
        assertThat(scores().currentScores(other, 2568, List.of())).isEmpty();
        assertThat(batches().list(other, 10)).isEmpty();
    }

    @Test
    void publishesABatchAllAtOnce() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = batches().start(tenant, "a.csv", "abc", "csv");
        try (ScoreStore.BatchWriter writer = scores().open(tenant, batch.id())) {
            writer.add(new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
            assertThat(scores().currentScores(tenant, organization.id())).isEmpty();
            writer.publish(List.of(new OrgYear(organization.id(), 2568)), new BatchCounts(1, 1, 0, 0, 0, 1));
        }

        assertThat(scores().currentScores(tenant, organization.id()))
                .containsExactly(new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
        IngestBatch published = batches().batch(tenant, batch.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(published.scoresAccepted()).isEqualTo(1);
        assertThat(batches().publishedWithChecksum(tenant, "abc")).map(IngestBatch::id).contains(batch.id());
    }

    @Test
    void discardsEverythingOfABatchClosedWithoutPublishing() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = batches().start(tenant, "a.csv", "abc", "csv");
        try (ScoreStore.BatchWriter writer = scores().open(tenant, batch.id())) {
            for (int i = 0; i < 25_000; i++) {
                writer.add(new ScoreFact(organization.id(), 2500 + i % 100, "o" + i, 50, Provenance.REPORTED));
            }
        }

        assertThat(scores().currentScores(tenant, organization.id())).isEmpty();
        assertThat(scores().history(tenant, organization.id(), 2500, "o0")).isEmpty();
        assertThat(batches().batch(tenant, batch.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void keepsReplacedValuesTraceable() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        long first = publish(tenant, organization, 2568, 95.00, "first.csv");
        long second = publish(tenant, organization, 2568, 95.41, "second.csv");

        assertThat(scores().currentScores(tenant, organization.id()))
                .filteredOn(fact -> fact.metric().equals("total"))
                .extracting(ScoreFact::value).containsExactly(95.41);
        assertThat(scores().history(tenant, organization.id(), 2568, "total")).containsExactly(
                new ScoreStore.HistoricalScore(first, 95.00, Provenance.REPORTED, false),
                new ScoreStore.HistoricalScore(second, 95.41, Provenance.REPORTED, true));
    }

    @Test
    void readsAYearForEveryOrganizationFilteredByMetric() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        publish(tenant, organization, 2567, 90.10, "2567.csv");
        publish(tenant, organization, 2568, 95.41, "2568.csv");

        assertThat(scores().currentScores(tenant, 2568, Set.of("total")))
                .containsExactly(new ScoreFact(organization.id(), 2568, "total", 95.41, Provenance.REPORTED));
        assertThat(scores().currentScores(tenant, 2568, List.of())).hasSize(2);
        assertThat(scores().countCurrentScores(tenant)).isEqualTo(4);
    }

    @Test
    void storesFindingsWithTheBatchAndShowsThoseOfCurrentOrgYears() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = batches().start(tenant, "a.csv", "abc", "csv");
        DataQualityFinding finding = new DataQualityFinding(organization.id(), 2568, "ind10", DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED,
                "90.00", "93.75", "ind10 reported 90.00 but the mean of its items gives 93.75");
        try (ScoreStore.BatchWriter writer = scores().open(tenant, batch.id())) {
            writer.add(new ScoreFact(organization.id(), 2568, "ind10", 90.00, Provenance.REPORTED));
            writer.add(new ScoreFact(organization.id(), 2568, "ind10", 93.75, Provenance.DERIVED));
            writer.add(finding);
            writer.publish(List.of(new OrgYear(organization.id(), 2568)), new BatchCounts(1, 1, 1, 0, 1, 1));
        }

        assertThat(scores().currentFindings(tenant, organization.id())).containsExactly(finding);
        assertThat(scores().findingsOfBatch(tenant, batch.id(), 0, 10)).containsExactly(finding);
        assertThat(scores().currentScores(tenant, organization.id())).extracting(ScoreFact::provenance)
                .containsExactlyInAnyOrder(Provenance.REPORTED, Provenance.DERIVED);
    }

    @Test
    void keepsRowErrorsInFileOrder() {
        TenantId tenant = freshTenant();
        IngestBatch batch = batches().start(tenant, "bad.csv", "bad", "csv");
        batches().addErrors(tenant, batch.id(), List.of(new RowError(3, "value", "120", "OUT_OF_RANGE", "score 120 is outside 0–100")));
        batches().addErrors(tenant, batch.id(), List.of(new RowError(7, "province", "เชียงใหม่่", "UNKNOWN_PROVINCE", "unknown province")));
        batches().fail(tenant, batch.id(), "every row was rejected", new BatchCounts(2, 0, 0, 2, 0, 0));

        assertThat(batches().errors(tenant, batch.id(), 0, 10)).extracting(RowError::line).containsExactly(3L, 7L);
        assertThat(batches().errors(tenant, batch.id(), 1, 10)).extracting(RowError::line).containsExactly(7L);
        assertThat(batches().batch(tenant, batch.id()).orElseThrow().failure()).isEqualTo("every row was rejected");
    }

    @Test
    void discardsBatchesLeftLoadingByACrash() {
        TenantId tenant = freshTenant();
        Organization organization = muangYai(tenant);
        IngestBatch batch = batches().start(tenant, "crash.csv", "crash", "csv");
        ScoreStore.BatchWriter writer = scores().open(tenant, batch.id());
        for (int i = 0; i < 10_001; i++) {
            writer.add(new ScoreFact(organization.id(), 2568, "x" + i, 1, Provenance.REPORTED));
        }
        // The process "dies" here: the writer is never published nor closed.

        assertThat(scores().discardUnfinishedBatches()).isGreaterThanOrEqualTo(1);
        assertThat(batches().batch(tenant, batch.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(scores().history(tenant, organization.id(), 2568, "x1")).isEmpty();
        writer.close();
        assertThat(batches().batch(tenant, batch.id()).orElseThrow().failure()).startsWith("interrupted");
    }
}
