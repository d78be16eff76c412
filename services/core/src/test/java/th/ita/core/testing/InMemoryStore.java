package th.ita.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.IngestBatches;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYear;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreStore;
import th.ita.core.tenant.TenantId;

/** A hand-written in-memory store for fast tests of code above the ports; it passes the store contract too. */
public final class InMemoryStore implements Organizations, IngestBatches, ScoreStore {
    private final List<Organization> organizations = new ArrayList<>();
    private final Map<Long, IngestBatch> batches = new HashMap<>();
    private final Map<Long, List<RowError>> errors = new HashMap<>();
    private final Map<Long, List<ScoreFact>> facts = new HashMap<>();
    private final Map<Long, List<DataQualityFinding>> findings = new HashMap<>();
    /** "tenant/organization/year" → batch id. */
    private final Map<String, Long> current = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized List<Organization> all(TenantId tenant) {
        return organizations.stream().filter(o -> o.tenant().equals(tenant)).sorted(Comparator.comparing(Organization::code)).toList();
    }

    @Override
    public synchronized Optional<Organization> byCode(TenantId tenant, String code) {
        return organizations.stream().filter(o -> o.tenant().equals(tenant) && o.code().equals(code)).findFirst();
    }

    @Override
    public synchronized Optional<Organization> byId(TenantId tenant, long id) {
        return organizations.stream().filter(o -> o.tenant().equals(tenant) && o.id() == id).findFirst();
    }

    @Override
    public synchronized List<Organization> register(TenantId tenant, Collection<NewOrganization> newOrganizations) {
        Set<String> codes = new HashSet<>();
        for (NewOrganization organization : newOrganizations) {
            if (!codes.add(organization.code()) || byCode(tenant, organization.code()).isPresent()) {
                throw new ItaException(ErrorCode.CONFLICT, "organization code already exists: " + organization.code());
            }
        }
        List<Organization> registered = new ArrayList<>();
        for (NewOrganization o : newOrganizations) {
            Organization organization = new Organization(nextId++, tenant, o.code(), o.nameTh(), o.nameEn(), o.type(), o.provinceCode(), o.districtCode(), o.aliases());
            organizations.add(organization);
            registered.add(organization);
        }
        return registered;
    }

    @Override
    public synchronized void addAliases(TenantId tenant, long organizationId, Collection<String> aliases) {
        Organization o = byId(tenant, organizationId).orElseThrow(() -> ItaException.notFound("organization " + organizationId));
        Set<String> all = new java.util.LinkedHashSet<>(o.aliases());
        all.addAll(aliases);
        all.remove(o.nameTh());
        organizations.set(organizations.indexOf(o), new Organization(o.id(), o.tenant(), o.code(), o.nameTh(), o.nameEn(), o.type(),
                o.provinceCode(), o.districtCode(), List.copyOf(all)));
    }

    @Override
    public synchronized long count(TenantId tenant) {
        return all(tenant).size();
    }

    @Override
    public synchronized IngestBatch start(TenantId tenant, String fileName, String checksum, String format) {
        IngestBatch batch = new IngestBatch(nextId++, tenant, fileName, checksum, format, BatchStatus.LOADING, Instant.now(), null, 0, 0, 0, 0, 0, 0, null);
        batches.put(batch.id(), batch);
        return batch;
    }

    @Override
    public synchronized Optional<IngestBatch> publishedWithChecksum(TenantId tenant, String checksum) {
        return batches.values().stream()
                .filter(b -> b.tenant().equals(tenant) && b.checksum().equals(checksum) && b.status() == BatchStatus.PUBLISHED).findFirst();
    }

    @Override
    public synchronized Optional<IngestBatch> batch(TenantId tenant, long batchId) {
        return Optional.ofNullable(batches.get(batchId)).filter(b -> b.tenant().equals(tenant));
    }

    @Override
    public synchronized List<IngestBatch> list(TenantId tenant, int limit) {
        return batches.values().stream().filter(b -> b.tenant().equals(tenant))
                .sorted(Comparator.comparingLong(IngestBatch::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void addErrors(TenantId tenant, long batchId, List<RowError> newErrors) {
        errors.computeIfAbsent(batchId, id -> new ArrayList<>()).addAll(newErrors);
    }

    @Override
    public synchronized List<RowError> errors(TenantId tenant, long batchId, int offset, int limit) {
        if (batch(tenant, batchId).isEmpty()) {
            return List.of();
        }
        return errors.getOrDefault(batchId, List.of()).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized void fail(TenantId tenant, long batchId, String reason, BatchCounts counts) {
        IngestBatch b = batches.get(batchId);
        batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), BatchStatus.FAILED, b.startedAt(),
                Instant.now(), counts.rowsRead(), 0, 0, counts.rowsRejected(), counts.findings(), 0, reason));
    }

    @Override
    public BatchWriter open(TenantId tenant, long batchId) {
        return new BatchWriter() {
            private final List<ScoreFact> written = new ArrayList<>();
            private final List<DataQualityFinding> found = new ArrayList<>();
            private boolean published;

            @Override
            public void add(ScoreFact fact) {
                written.add(fact);
                // Like the JDBC store, facts reach storage before publishing (invisible until then).
                synchronized (InMemoryStore.this) {
                    facts.computeIfAbsent(batchId, id -> new ArrayList<>()).add(fact);
                }
            }

            @Override
            public void add(DataQualityFinding finding) {
                found.add(finding);
            }

            @Override
            public void publish(Collection<OrgYear> orgYears, BatchCounts counts) {
                synchronized (InMemoryStore.this) {
                    findings.put(batchId, List.copyOf(found));
                    for (OrgYear orgYear : orgYears) {
                        current.put(tenant + "/" + orgYear.organizationId() + "/" + orgYear.year(), batchId);
                    }
                    IngestBatch b = batches.get(batchId);
                    batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), BatchStatus.PUBLISHED,
                            b.startedAt(), Instant.now(), counts.rowsRead(), counts.scoresAccepted(), counts.scoresDerived(),
                            counts.rowsRejected(), counts.findings(), counts.orgYears(), null));
                    published = true;
                }
            }

            @Override
            public void close() {
                if (!published) {
                    synchronized (InMemoryStore.this) {
                        discard(batchId, "aborted before publishing");
                    }
                }
            }
        };
    }

    private void discard(long batchId, String reason) {
        facts.remove(batchId);
        findings.remove(batchId);
        IngestBatch b = batches.get(batchId);
        if (b.status() == BatchStatus.LOADING) {
            batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), BatchStatus.FAILED,
                    b.startedAt(), Instant.now(), b.rowsRead(), 0, 0, b.rowsRejected(), 0, 0, reason));
        }
    }

    private boolean isCurrent(TenantId tenant, long batchId, long organizationId, int year) {
        Long currentBatch = current.get(tenant + "/" + organizationId + "/" + year);
        return currentBatch != null && currentBatch == batchId;
    }

    @Override
    public synchronized List<ScoreFact> currentScores(TenantId tenant, long organizationId) {
        List<ScoreFact> result = new ArrayList<>();
        facts.forEach((batchId, list) -> list.stream()
                .filter(f -> f.organizationId() == organizationId && isCurrent(tenant, batchId, organizationId, f.year())).forEach(result::add));
        result.sort(Comparator.comparingInt(ScoreFact::year).thenComparing(ScoreFact::metric).thenComparing(ScoreFact::provenance));
        return result;
    }

    @Override
    public synchronized List<ScoreFact> currentScores(TenantId tenant, int year, Collection<String> metrics) {
        List<ScoreFact> result = new ArrayList<>();
        facts.forEach((batchId, list) -> list.stream()
                .filter(f -> f.year() == year && (metrics.isEmpty() || metrics.contains(f.metric())) && isCurrent(tenant, batchId, f.organizationId(), year))
                .forEach(result::add));
        result.sort(Comparator.comparingLong(ScoreFact::organizationId).thenComparing(ScoreFact::metric).thenComparing(ScoreFact::provenance));
        return result;
    }

    @Override
    public synchronized List<HistoricalScore> history(TenantId tenant, long organizationId, int year, String metric) {
        List<HistoricalScore> result = new ArrayList<>();
        facts.keySet().stream().sorted().forEach(batchId -> {
            IngestBatch batch = batches.get(batchId);
            if (batch.tenant().equals(tenant) && batch.status() == BatchStatus.PUBLISHED) {
                facts.get(batchId).stream().filter(f -> f.organizationId() == organizationId && f.year() == year && f.metric().equals(metric))
                        .sorted(Comparator.comparing(ScoreFact::provenance))
                        .forEach(f -> result.add(new HistoricalScore(batchId, f.value(), f.provenance(), isCurrent(tenant, batchId, organizationId, year))));
            }
        });
        return result;
    }

    @Override
    public synchronized List<DataQualityFinding> currentFindings(TenantId tenant, long organizationId) {
        List<DataQualityFinding> result = new ArrayList<>();
        findings.forEach((batchId, list) -> list.stream()
                .filter(f -> f.organizationId() == organizationId && isCurrent(tenant, batchId, organizationId, f.year())).forEach(result::add));
        return result;
    }

    @Override
    public synchronized List<DataQualityFinding> findingsOfBatch(TenantId tenant, long batchId, int offset, int limit) {
        if (batch(tenant, batchId).isEmpty()) {
            return List.of();
        }
        return findings.getOrDefault(batchId, List.of()).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countCurrentScores(TenantId tenant) {
        return facts.entrySet().stream().mapToLong(e -> e.getValue().stream()
                .filter(f -> isCurrent(tenant, e.getKey(), f.organizationId(), f.year())).count()).sum();
    }

    @Override
    public synchronized int discardUnfinishedBatches() {
        List<Long> loading = batches.values().stream().filter(b -> b.status() == BatchStatus.LOADING).map(IngestBatch::id).toList();
        loading.forEach(id -> discard(id, "interrupted: the platform stopped while this batch was loading; nothing of it was published"));
        return loading.size();
    }
}
