package th.ita.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.BatchFailure;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYear;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.ScoreHistory;
import th.ita.core.tenant.TenantId;

/** A hand-written in-memory store for fast tests of code above the ports; it passes the store contract too. */
public final class InMemoryStore implements Organizations, BatchCatalog, ScoreFacts, CurrentScores, ScoreHistory {
    private final Clock clock;
    /** Every organization ever registered, with the batch that registered it (visible once that batch is published). */
    private final List<Registered> organizations = new ArrayList<>();
    /** Aliases added under a batch: organization id → alias → batch. */
    private final Map<Long, Map<String, Long>> batchAliases = new HashMap<>();
    private final Map<Long, IngestBatch> batches = new HashMap<>();
    private final Map<Long, List<RowError>> errors = new HashMap<>();
    private final Map<Long, List<ScoreFact>> facts = new HashMap<>();
    private final Map<Long, List<DataQualityFinding>> findings = new HashMap<>();
    /** "tenant/organization/year" → batch id. */
    private final Map<String, Long> current = new HashMap<>();
    private final Map<TenantId, Long> publications = new HashMap<>();
    private long nextId = 1;

    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    public InMemoryStore(Clock clock) {
        this.clock = clock;
    }

    private record Registered(Organization organization, long batchId) {
    }

    private boolean visible(Registered registered) {
        return isPublished(registered.batchId());
    }

    private boolean isPublished(long batchId) {
        IngestBatch batch = batches.get(batchId);
        return batch != null && batch.status() == BatchStatus.PUBLISHED;
    }

    private Organization withAliases(Organization o) {
        Set<String> aliases = new LinkedHashSet<>(o.aliases());
        batchAliases.getOrDefault(o.id(), Map.of()).forEach((alias, batchId) -> {
            if (isPublished(batchId)) {
                aliases.add(alias);
            }
        });
        return new Organization(o.id(), o.tenant(), o.code(), o.nameTh(), o.nameEn(), o.type(), o.provinceCode(), o.districtCode(), List.copyOf(aliases));
    }

    @Override
    public synchronized List<Organization> all(TenantId tenant) {
        return organizations.stream().filter(r -> r.organization().tenant().equals(tenant) && visible(r)).map(Registered::organization)
                .map(this::withAliases).sorted(Comparator.comparing(Organization::code)).toList();
    }

    @Override
    public synchronized Optional<Organization> byCode(TenantId tenant, String code) {
        return all(tenant).stream().filter(o -> o.code().equals(code)).findFirst();
    }

    @Override
    public synchronized Optional<Organization> byId(TenantId tenant, long id) {
        return all(tenant).stream().filter(o -> o.id() == id).findFirst();
    }

    @Override
    public synchronized List<Organization> register(TenantId tenant, long batchId, Collection<NewOrganization> newOrganizations) {
        requireLoading(tenant, batchId);
        Set<String> codes = new HashSet<>();
        for (NewOrganization organization : newOrganizations) {
            boolean taken = organizations.stream().anyMatch(r -> r.organization().tenant().equals(tenant) && r.organization().code().equals(organization.code()));
            if (!codes.add(organization.code()) || taken) {
                throw new ItaException(ErrorCode.CONFLICT, "organization code already exists: " + organization.code());
            }
        }
        List<Organization> registered = new ArrayList<>();
        for (NewOrganization o : newOrganizations) {
            Organization organization = new Organization(nextId++, tenant, o.code(), o.nameTh(), o.nameEn(), o.type(), o.provinceCode(), o.districtCode(),
                    List.copyOf(new LinkedHashSet<>(o.aliases())));
            organizations.add(new Registered(organization, batchId));
            registered.add(organization);
        }
        return registered;
    }

    @Override
    public synchronized void addAliases(TenantId tenant, long batchId, long organizationId, Collection<String> aliases) {
        requireLoading(tenant, batchId);
        Organization o = organizations.stream().map(Registered::organization)
                .filter(organization -> organization.tenant().equals(tenant) && organization.id() == organizationId).findFirst()
                .orElseThrow(() -> ItaException.notFound("organization " + organizationId));
        Map<String, Long> added = batchAliases.computeIfAbsent(organizationId, id -> new HashMap<>());
        for (String alias : aliases) {
            if (!alias.equals(o.nameTh()) && !o.aliases().contains(alias)) {
                added.putIfAbsent(alias, batchId);
            }
        }
    }

    @Override
    public synchronized long count(TenantId tenant) {
        return all(tenant).size();
    }

    private void requireLoading(TenantId tenant, long batchId) {
        IngestBatch batch = batches.get(batchId);
        if (batch == null || !batch.tenant().equals(tenant) || batch.status() != BatchStatus.LOADING) {
            throw new ItaException(ErrorCode.CONFLICT, "batch " + batchId + " is not LOADING");
        }
    }

    @Override
    public synchronized IngestBatch start(TenantId tenant, String fileName, String checksum, String format, String owner) {
        Instant now = clock.instant();
        IngestBatch batch = new IngestBatch(nextId++, tenant, fileName, checksum, format, BatchStatus.LOADING, now, null, 0, 0, 0, 0, 0, 0, null,
                owner, now);
        batches.put(batch.id(), batch);
        return batch;
    }

    @Override
    public synchronized void heartbeat(TenantId tenant, long batchId) {
        IngestBatch b = batches.get(batchId);
        if (b != null && b.tenant().equals(tenant) && b.status() == BatchStatus.LOADING) {
            batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), b.status(), b.startedAt(), null,
                    b.rowsRead(), 0, 0, b.rowsRejected(), 0, 0, null, b.owner(), clock.instant()));
        }
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
    public synchronized List<IngestBatch> loading(TenantId tenant) {
        return batches.values().stream().filter(b -> b.tenant().equals(tenant) && b.status() == BatchStatus.LOADING)
                .sorted(Comparator.comparingLong(IngestBatch::id)).toList();
    }

    @Override
    public synchronized Set<TenantId> tenantsWithLoadingBatches() {
        Set<TenantId> tenants = new TreeSet<>(Comparator.comparing(TenantId::value));
        batches.values().stream().filter(b -> b.status() == BatchStatus.LOADING).forEach(b -> tenants.add(b.tenant()));
        return tenants;
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
    public synchronized void publish(TenantId tenant, long batchId, Collection<OrgYear> orgYears, BatchCounts counts) {
        requireLoading(tenant, batchId);
        for (OrgYear orgYear : orgYears) {
            current.put(tenant + "/" + orgYear.organizationId() + "/" + orgYear.year(), batchId);
        }
        IngestBatch b = batches.get(batchId);
        batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), BatchStatus.PUBLISHED,
                b.startedAt(), clock.instant(), counts.rowsRead(), counts.scoresAccepted(), counts.scoresDerived(),
                counts.rowsRejected(), counts.findings(), counts.orgYears(), null, b.owner(), b.heartbeatAt()));
        publications.merge(tenant, 1L, Long::sum);
    }

    @Override
    public synchronized boolean fail(TenantId tenant, long batchId, Message reason, BatchCounts counts) {
        IngestBatch b = batches.get(batchId);
        if (b == null || !b.tenant().equals(tenant) || b.status() != BatchStatus.LOADING) {
            return false;
        }
        batches.put(batchId, new IngestBatch(b.id(), b.tenant(), b.fileName(), b.checksum(), b.format(), BatchStatus.FAILED, b.startedAt(),
                clock.instant(), counts.rowsRead(), 0, 0, counts.rowsRejected(), counts.findings(), 0, BatchFailure.of(reason), b.owner(), b.heartbeatAt()));
        organizations.removeIf(r -> r.batchId() == batchId);
        batchAliases.values().forEach(aliases -> aliases.values().removeIf(id -> id == batchId));
        return true;
    }

    @Override
    public synchronized long publishedVersion(TenantId tenant) {
        return publications.getOrDefault(tenant, 0L);
    }

    @Override
    public Writer writer(TenantId tenant, long batchId) {
        return new Writer() {
            private final List<DataQualityFinding> found = new ArrayList<>();

            @Override
            public void add(ScoreFact fact) {
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
            public void finish() {
                synchronized (InMemoryStore.this) {
                    findings.computeIfAbsent(batchId, id -> new ArrayList<>()).addAll(found);
                    found.clear();
                }
            }

            @Override
            public void close() {
                found.clear();
            }
        };
    }

    @Override
    public synchronized void discard(TenantId tenant, long batchId) {
        if (batch(tenant, batchId).filter(b -> b.status() != BatchStatus.PUBLISHED).isPresent()) {
            facts.remove(batchId);
            findings.remove(batchId);
        }
    }

    private boolean isCurrent(TenantId tenant, long batchId, long organizationId, int year) {
        Long currentBatch = current.get(tenant + "/" + organizationId + "/" + year);
        return currentBatch != null && currentBatch == batchId;
    }

    @Override
    public synchronized List<ScoreFact> ofOrganization(TenantId tenant, long organizationId) {
        List<ScoreFact> result = new ArrayList<>();
        facts.forEach((batchId, list) -> list.stream()
                .filter(f -> f.organizationId() == organizationId && isCurrent(tenant, batchId, organizationId, f.year())).forEach(result::add));
        result.sort(Comparator.comparingInt(ScoreFact::year).thenComparing(ScoreFact::metric).thenComparing(ScoreFact::provenance));
        return result;
    }

    @Override
    public synchronized List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics) {
        List<ScoreFact> result = new ArrayList<>();
        facts.forEach((batchId, list) -> list.stream()
                .filter(f -> f.year() == year && (metrics.isEmpty() || metrics.contains(f.metric())) && isCurrent(tenant, batchId, f.organizationId(), year))
                .forEach(result::add));
        result.sort(Comparator.comparingLong(ScoreFact::organizationId).thenComparing(ScoreFact::metric).thenComparing(ScoreFact::provenance));
        return result;
    }

    @Override
    public synchronized List<HistoricalScore> of(TenantId tenant, long organizationId, int year, String metric) {
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
    public synchronized List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId) {
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

    /** Number of current facts of a tenant (for tests; not part of any port). */
    public synchronized long countCurrentScores(TenantId tenant) {
        return facts.entrySet().stream().mapToLong(e -> e.getValue().stream()
                .filter(f -> isCurrent(tenant, e.getKey(), f.organizationId(), f.year())).count()).sum();
    }

    /** Number of facts stored for a batch, visible or not (for tests; not part of any port). */
    public synchronized long storedFacts(long batchId) {
        return facts.getOrDefault(batchId, List.of()).size();
    }
}
