package th.ita.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.message.Message;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.OrgYear;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;

/**
 * Organizations, aliases and facts of a batch become visible with the batch or not at all: a fault at
 * any step after the batch started leaves what was visible before, and nothing of the batch.
 */
class IngestAtomicityTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    private static final String HEADER = "organization_code,organization_name,organization_type,province,district,year,metric,value\n";
    private final InMemoryStore store = new InMemoryStore();
    private final FaultyOrganizations organizations = new FaultyOrganizations(store);
    private final FaultyCatalog catalog = new FaultyCatalog(store);
    private final IngestScores ingest = new IngestScores(organizations, catalog, store, store, store, Frameworks.bundled(), Geography.bundled(), "node-a");

    @TempDir
    Path directory;

    private IngestReport load(String name, String rows) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, HEADER + rows);
        return ingest.ingest(TENANT, file, name, IngestOptions.detect(), IngestProgress.NONE);
    }

    private double total(String code) {
        Organization organization = store.byCode(TENANT, code).orElseThrow();
        return store.ofOrganization(TENANT, organization.id()).stream().filter(fact -> fact.metric().equals("total") && fact.year() == 2568)
                .mapToDouble(ScoreFact::value).findFirst().orElseThrow();
    }

    @Test
    void aFaultWhileRecordingANewSpellingLeavesTheOrganizationsEarlierScoreLive() throws IOException {
        load("first.csv", "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่จัน,2568,total,99.27\n");
        organizations.failAliases = true;

        assertThatThrownBy(() -> load("second.csv", "5713-01,ม่วงยายใหม่,ทต.,เชียงราย,แม่จัน,2568,total,66.60\n"))
                .isInstanceOf(ItaException.class);

        assertThat(total("5713-01")).isEqualTo(99.27);
        assertThat(store.list(TENANT, 1).get(0).status()).isEqualTo(BatchStatus.FAILED);
        assertThat(store.byCode(TENANT, "5713-01").orElseThrow().aliases()).isEmpty();
    }

    @Test
    void aFaultWhilePublishingLeavesNoNewOrganizationRegistered() throws IOException {
        load("first.csv", "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่จัน,2568,total,99.27\n");
        catalog.failPublish = true;

        assertThatThrownBy(() -> load("second.csv", "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่จัน,2568,total,66.60\n"
                + "5701-02,ท่าข้าม,อบต.,เชียงราย,เมืองเชียงราย,2568,total,80.00\n"))
                .isInstanceOf(ItaException.class);

        assertThat(store.all(TENANT)).extracting(Organization::code).containsExactly("5713-01");
        assertThat(total("5713-01")).isEqualTo(99.27);
        assertThat(store.list(TENANT, 1).get(0).status()).isEqualTo(BatchStatus.FAILED);
        assertThat(store.storedFacts(store.list(TENANT, 1).get(0).id())).isZero();
    }

    @Test
    void aBatchThatDiesBeforePublishingShowsNoneOfItsOrganizationsEvenBeforeCleanUp() throws IOException {
        catalog.failPublish = true;
        catalog.failFail = true;

        assertThatThrownBy(() -> load("crash.csv", "5701-02,ท่าข้าม,อบต.,เชียงราย,เมืองเชียงราย,2568,total,80.00\n"))
                .isInstanceOf(ItaException.class);

        assertThat(store.list(TENANT, 1).get(0).status()).isEqualTo(BatchStatus.LOADING);
        assertThat(store.all(TENANT)).isEmpty();
        assertThat(store.count(TENANT)).isZero();
    }

    @Test
    void startsEveryBatchOwnedByItsNode() throws IOException {
        IngestReport report = load("first.csv", "5713-01,ม่วงยาย,ทต.,เชียงราย,แม่จัน,2568,total,99.27\n");

        assertThat(report.batch().owner()).isEqualTo("node-a");
    }

    /** Organizations that can be told to fail when a batch records new spellings (a column too narrow, say). */
    private static final class FaultyOrganizations implements Organizations {
        private final Organizations delegate;
        boolean failAliases;

        FaultyOrganizations(Organizations delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Organization> all(TenantId tenant) {
            return delegate.all(tenant);
        }

        @Override
        public Optional<Organization> byCode(TenantId tenant, String code) {
            return delegate.byCode(tenant, code);
        }

        @Override
        public Optional<Organization> byId(TenantId tenant, long id) {
            return delegate.byId(tenant, id);
        }

        @Override
        public List<Organization> register(TenantId tenant, long batchId, Collection<NewOrganization> organizations) {
            return delegate.register(tenant, batchId, organizations);
        }

        @Override
        public void addAliases(TenantId tenant, long batchId, long organizationId, Collection<String> aliases) {
            if (failAliases) {
                throw ItaException.storageUnavailable("value too long for organization_alias.alias", null);
            }
            delegate.addAliases(tenant, batchId, organizationId, aliases);
        }

        @Override
        public long count(TenantId tenant) {
            return delegate.count(tenant);
        }
    }

    /** A catalog that can be told to fail at the commit point (the database gone mid-publish) or when failing a batch. */
    private static final class FaultyCatalog implements BatchCatalog {
        private final BatchCatalog delegate;
        boolean failPublish;
        boolean failFail;

        FaultyCatalog(BatchCatalog delegate) {
            this.delegate = delegate;
        }

        @Override
        public IngestBatch start(TenantId tenant, String fileName, String checksum, String format, String owner) {
            return delegate.start(tenant, fileName, checksum, format, owner);
        }

        @Override
        public void heartbeat(TenantId tenant, long batchId) {
            delegate.heartbeat(tenant, batchId);
        }

        @Override
        public Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum) {
            return delegate.publishedWithChecksum(tenant, checksum);
        }

        @Override
        public Optional<IngestBatch> batch(TenantId tenant, long batchId) {
            return delegate.batch(tenant, batchId);
        }

        @Override
        public List<IngestBatch> list(TenantId tenant, int limit) {
            return delegate.list(tenant, limit);
        }

        @Override
        public List<IngestBatch> loading(TenantId tenant) {
            return delegate.loading(tenant);
        }

        @Override
        public Set<TenantId> tenantsWithLoadingBatches() {
            return delegate.tenantsWithLoadingBatches();
        }

        @Override
        public void addErrors(TenantId tenant, long batchId, List<RowError> errors) {
            delegate.addErrors(tenant, batchId, errors);
        }

        @Override
        public List<RowError> errors(TenantId tenant, long batchId, int offset, int limit) {
            return delegate.errors(tenant, batchId, offset, limit);
        }

        @Override
        public void publish(TenantId tenant, long batchId, Collection<OrgYear> orgYears, BatchCounts counts) {
            if (failPublish) {
                throw ItaException.storageUnavailable("the connection was lost while publishing", null);
            }
            delegate.publish(tenant, batchId, orgYears, counts);
        }

        @Override
        public boolean fail(TenantId tenant, long batchId, Message reason, BatchCounts counts) {
            if (failFail) {
                throw ItaException.storageUnavailable("the connection was lost", null);
            }
            return delegate.fail(tenant, batchId, reason, counts);
        }

        @Override
        public long publishedVersion(TenantId tenant) {
            return delegate.publishedVersion(tenant);
        }
    }
}
