package th.ita.app.access;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.analytics.AnalyticsSettings;
import th.ita.core.access.AccessScope;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.RowError;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.LevelAssessment;
import th.ita.core.framework.Metric;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYearResult;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.ScoreHistory;
import th.ita.core.tenant.TenantId;

/**
 * The read façade of one caller: every read asks the caller's {@link AccessScope} (where every access
 * rule lives) and leaves computing to the analytics use cases, so no endpoint can forget a rule and no
 * rule is stated twice. Bound from a {@link Caller}: an HTTP request's, or the platform operator's on
 * the command line.
 */
@Singleton
public class ScopedData {
    private final Organizations organizations;
    private final CurrentScores scores;
    private final ScoreHistory history;
    private final ScoreFacts facts;
    private final BatchCatalog batches;
    private final Frameworks frameworks;
    private final TenantTables tables;
    private final RankGroup rankGroup;

    ScopedData(Organizations organizations, CurrentScores scores, ScoreHistory history, ScoreFacts facts, BatchCatalog batches,
               Frameworks frameworks, TenantTables tables, AnalyticsSettings settings) {
        this.organizations = organizations;
        this.scores = scores;
        this.history = history;
        this.facts = facts;
        this.batches = batches;
        this.frameworks = frameworks;
        this.tables = tables;
        this.rankGroup = settings.rankGroup();
    }

    /** The reads of a caller within the tenant named in the path (another tenant does not exist for them). */
    public Reads of(Caller caller, String tenantInPath) {
        caller.scope().requireOwnTenant(tenantInPath);
        return new Reads(caller);
    }

    /** A ranked member of a peer group. */
    public record RankedRow(Organization organization, RankPeers.Ranked ranked) {
    }

    /** One year of an organization as the caller may see it; {@code masked}: only what ITA publishes (total and level) is shown. */
    public record YearResult(OrgYearResult result, List<DataQualityFinding> findings, boolean masked, List<Framework.MethodologyChange> methodologyChanges) {
    }

    /** What one caller may read, for one request: the tenant's table is read once, on first use, and kept. */
    public final class Reads {
        private final Caller caller;
        private final AccessScope scope;
        private ScoreTable table;

        Reads(Caller caller) {
            this.caller = caller;
            this.scope = caller.scope();
        }

        public Caller caller() {
            return caller;
        }

        public AccessScope scope() {
            return scope;
        }

        public TenantId tenant() {
            return scope.tenant();
        }

        public List<Organization> organizations() {
            return organizations.all(scope.tenant()).stream().filter(scope::canSee).toList();
        }

        public Organization organization(String code) {
            return organizations.byCode(scope.tenant(), code).filter(scope::canSee)
                    .orElseThrow(() -> ItaException.notFound(Message.of("problem.organizationNotFound", "code", code)));
        }

        public boolean detailVisible(Organization organization) {
            return scope.canSeeDetailOf(organization);
        }

        /** Every year of an organization, oldest first, with the metrics the caller may read of it. */
        public List<YearResult> years(Organization organization) {
            boolean detail = scope.canSeeDetailOf(organization);
            Map<Integer, List<ScoreFact>> byYear = scores.ofOrganization(scope.tenant(), organization.id()).stream()
                    .collect(Collectors.groupingBy(ScoreFact::year, TreeMap::new, Collectors.toList()));
            Map<Integer, List<DataQualityFinding>> findings = detail
                    ? scores.findingsOf(scope.tenant(), organization.id()).stream().collect(Collectors.groupingBy(DataQualityFinding::year))
                    : Map.of();
            List<YearResult> years = new ArrayList<>();
            byYear.forEach((year, facts) -> {
                Framework framework = frameworks.require(year);
                OrgYearResult full = OrgYearResult.of(framework, facts);
                years.add(detail
                        ? new YearResult(full, findings.getOrDefault(year, List.of()), false, framework.methodologyChanges())
                        : new YearResult(masked(organization, full), List.of(), true, framework.methodologyChanges()));
            });
            return years;
        }

        /** The metrics the caller may read, and the level without its reason (the reason names tool scores). */
        private OrgYearResult masked(Organization organization, OrgYearResult full) {
            List<OrgYearResult.MetricValue> readable = full.values().stream()
                    .filter(v -> scope.canReadMetricOf(organization, v.metric().code())).toList();
            Optional<LevelAssessment> level = full.level().map(l -> new LevelAssessment(l.level(), Optional.empty(), l.level().nameTh(), l.level().nameEn()));
            return new OrgYearResult(full.year(), readable, level, full.reportedLevel(), full.derivedLevel().map(l ->
                    new LevelAssessment(l.level(), Optional.empty(), l.level().nameTh(), l.level().nameEn())), full.reportedRank());
        }

        /** The code of a metric of a year, by code or name (400 for a name the year does not know). */
        public String metric(int year, String metric) {
            return frameworks.require(year).resolve(metric).map(Metric::code)
                    .orElseThrow(() -> ItaException.invalidInput(Message.of("problem.unknownMetric", "metric", metric, "year", year)));
        }

        public List<ScoreHistory.HistoricalScore> history(Organization organization, int year, String metric) {
            String code = metric(year, metric);
            scope.requireMetricOf(organization, code);
            return history.of(scope.tenant(), organization.id(), year, code);
        }

        /**
         * The peer group of an organization ranked on a metric: ranked over the whole group, then the
         * rows the caller may see. Peers are compared on what the caller may compare them on.
         */
        public List<RankedRow> ranking(Organization anchor, int year, String metric, PeerGroup group) {
            String code = aggregateMetric(year, metric);
            ScoreTable table = table();
            return visible(table, rankGroup.rank(table, group, anchor, year, code));
        }

        /** A saved group ranked on a metric; {@code key} names the group and its members for reuse. */
        public List<RankedRow> ranking(String key, Collection<Long> organizationIds, int year, String metric) {
            String code = aggregateMetric(year, metric);
            ScoreTable table = table();
            return visible(table, rankGroup.rank(table, key, organizationIds, year, code));
        }

        private List<RankedRow> visible(ScoreTable table, List<RankPeers.Ranked> ranked) {
            List<RankedRow> rows = new ArrayList<>();
            for (RankPeers.Ranked r : ranked) {
                Organization organization = table.organization(table.indexOf(r.organizationId()).orElseThrow());
                if (scope.canSee(organization)) {
                    rows.add(new RankedRow(organization, r));
                }
            }
            return rows;
        }

        /**
         * The tenant's current scores in memory, as they were at this request's first read: every read of
         * one request answers from the same table (one freshness check, one consistent answer).
         */
        public ScoreTable table() {
            if (table == null) {
                table = tables.table(scope.tenant());
            }
            return table;
        }

        /** Detail analytics (weaknesses, next level, a trend below the total) need the organization's detail. */
        public void requireDetail(Organization organization) {
            scope.requireDetailOf(organization);
        }

        /** One metric of an organization (a trend, a history): the total of anyone seen, the rest with the detail. */
        public void requireMetric(Organization organization, String metricCode) {
            scope.requireMetricOf(organization, metricCode);
        }

        /** The organizations of a province, by table index (404 for a province outside the caller's scope). */
        public int[] provinceMembers(ScoreTable table, String provinceCode) {
            scope.requireProvince(provinceCode);
            List<Organization> all = table.organizations();
            return IntStream.range(0, all.size()).filter(i -> all.get(i).provinceCode().equals(provinceCode)).toArray();
        }

        /** Every organization the caller may see, by table index. */
        public int[] visibleMembers(ScoreTable table) {
            List<Organization> all = table.organizations();
            return IntStream.range(0, all.size()).filter(i -> scope.canSee(all.get(i))).toArray();
        }

        /** The code of a metric peers are compared on (summaries, movers, rankings), if the caller may compare on it. */
        public String aggregateMetric(int year, String metric) {
            String code = metric(year, metric);
            scope.requireComparisonOn(code);
            return code;
        }

        /** Which organizations are weak in which indicator spans peers' detail. */
        public void requirePeerDetail() {
            scope.requirePeersDetail();
        }

        public void requireIngest() {
            scope.requireIngest();
        }

        public void requireExport() {
            scope.requireExport();
        }

        /** An export of one organization's own detail: see {@link AccessScope#canExportDetailOf}. */
        public void requireExportOf(Organization organization) {
            scope.requireExportOf(organization);
        }

        public void requireAdministration() {
            scope.requireAdministration();
        }

        /** The id of the newest published batch, to name the source of a chart: an id reveals nothing of a batch's contents. */
        public Optional<Long> newestBatchId() {
            return batches.list(scope.tenant(), 50).stream().filter(b -> b.status() == BatchStatus.PUBLISHED)
                    .map(IngestBatch::id).findFirst();
        }

        public List<IngestBatch> batches(int limit) {
            scope.requireBatches();
            return batches.list(scope.tenant(), limit);
        }

        public IngestBatch batch(long id) {
            scope.requireBatches();
            return batches.batch(scope.tenant(), id).orElseThrow(() -> ItaException.notFound(Message.of("problem.batchNotFound", "id", id)));
        }

        public List<RowError> errors(long batchId, int offset, int limit) {
            batch(batchId);
            return batches.errors(scope.tenant(), batchId, offset, limit);
        }

        public List<DataQualityFinding> findings(long batchId, int offset, int limit) {
            batch(batchId);
            return facts.findingsOfBatch(scope.tenant(), batchId, offset, limit);
        }
    }
}
