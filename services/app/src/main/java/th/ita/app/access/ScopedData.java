package th.ita.app.access;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.access.AccessScope;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
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
 * The one place where data is read on a caller's behalf: every read goes through the caller's
 * {@link AccessScope}, so no endpoint can forget it. Another tenant's data and organizations outside
 * the scope read as not found; a peer's detail is masked to what ITA publishes anyway.
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
    private final th.ita.app.analytics.AnalyticsSettings settings;

    ScopedData(Organizations organizations, CurrentScores scores, ScoreHistory history, ScoreFacts facts, BatchCatalog batches,
               Frameworks frameworks, TenantTables tables, th.ita.app.analytics.AnalyticsSettings settings) {
        this.organizations = organizations;
        this.scores = scores;
        this.history = history;
        this.facts = facts;
        this.batches = batches;
        this.frameworks = frameworks;
        this.tables = tables;
        this.settings = settings;
    }

    /** The reads of an authenticated caller within the tenant named in the path. */
    public Reads of(Authentication authentication, String tenantInPath) {
        Caller caller = Caller.of(authentication);
        if (!caller.scope().tenant().value().equals(tenantInPath)) {
            throw ItaException.notFound(Message.of("problem.tenantNotFound", "tenant", tenantInPath));
        }
        return new Reads(caller);
    }

    /** A ranked member of a peer group. */
    public record RankedRow(Organization organization, RankPeers.Ranked ranked) {
    }

    /** One year of an organization as the caller may see it; {@code masked}: only total and level are shown. */
    public record YearResult(OrgYearResult result, List<DataQualityFinding> findings, boolean masked, List<Framework.MethodologyChange> methodologyChanges) {
    }

    /** What one caller may read. */
    public final class Reads {
        private final Caller caller;
        private final AccessScope scope;

        Reads(Caller caller) {
            this.caller = caller;
            this.scope = caller.scope();
        }

        public Caller caller() {
            return caller;
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

        /** Every year of an organization, oldest first; a peer's years are masked to total and level. */
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
                        : new YearResult(masked(full), List.of(), true, framework.methodologyChanges()));
            });
            return years;
        }

        /** Keeps what ITA publishes of a peer: the total and the level, without the reason (it names tool scores). */
        private OrgYearResult masked(OrgYearResult full) {
            List<OrgYearResult.MetricValue> total = full.values().stream().filter(v -> v.metric().code().equals(Metric.TOTAL)).toList();
            Optional<LevelAssessment> level = full.level().map(l -> new LevelAssessment(l.level(), Optional.empty(), l.level().nameTh(), l.level().nameEn()));
            return new OrgYearResult(full.year(), total, level);
        }

        public List<ScoreHistory.HistoricalScore> history(Organization organization, int year, String metric) {
            Framework framework = frameworks.require(year);
            String code = framework.resolve(metric).map(Metric::code)
                    .orElseThrow(() -> ItaException.invalidInput("'" + metric + "' is not a metric of " + year));
            if (!code.equals(Metric.TOTAL) && !scope.canSeeDetailOf(organization)) {
                throw new ItaException(ErrorCode.FORBIDDEN, "the scores of " + organization.fullNameTh() + " below the total are not published to you");
            }
            return history.of(scope.tenant(), organization.id(), year, code);
        }

        /**
         * The peer group of an organization ranked on a metric: computed over the whole group, then
         * masked to the rows the caller may see. An organization user ranks on the total only (unless
         * the tenant publishes peer detail): a ranking on an indicator would show peers' indicator scores.
         */
        public List<RankedRow> ranking(Organization anchor, int year, String metric, PeerGroup group) {
            ScoreTable table = tables.table(scope.tenant());
            return rank(table, group.key(anchor), group.members(table, anchor), year, metric);
        }

        /** A saved group ranked on a metric; {@code key} names the group and its members for reuse. */
        public List<RankedRow> ranking(String key, java.util.Collection<Long> organizationIds, int year, String metric) {
            ScoreTable table = tables.table(scope.tenant());
            int[] members = table.memo("members|" + key, () -> organizationIds.stream()
                    .map(table::indexOf).flatMap(Optional::stream).mapToInt(Integer::intValue).sorted().toArray());
            return rank(table, key, members, year, metric);
        }

        private List<RankedRow> rank(ScoreTable table, String key, int[] members, int year, String metric) {
            String code = peerMetric(year, metric);
            // Ranked once per table and group (members by table index), then masked per caller.
            List<RankPeers.Ranked> ranked = table.memo("rank|" + year + "|" + code + "|" + key, () ->
                    settings.rankPeers().rank(scores(table, members, year, code), scores(table, members, year - 1, code)));
            List<RankedRow> rows = new ArrayList<>();
            for (RankPeers.Ranked r : ranked) {
                Organization organization = table.organization((int) r.organizationId());
                if (scope.canSee(organization)) {
                    rows.add(new RankedRow(organization, withId(r, organization.id())));
                }
            }
            return rows;
        }

        /** The metric a caller may compare peers on: the total always, anything else if peer detail is visible. */
        private String peerMetric(int year, String metric) {
            String code = frameworks.require(year).resolve(metric).map(Metric::code)
                    .orElseThrow(() -> ItaException.invalidInput("'" + metric + "' is not a metric of " + year));
            if (!code.equals(Metric.TOTAL) && scope.role() == th.ita.core.access.Role.ORGANIZATION_USER && !scope.peerDetailPublished()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "comparisons on " + code + " would show peers' scores below the total, which are not published to you");
            }
            return code;
        }

        private List<RankPeers.Member> scores(ScoreTable table, int[] members, int year, String metric) {
            double[] column = table.column(year, metric).orElse(null);
            if (column == null) {
                return List.of();
            }
            List<RankPeers.Member> scored = new ArrayList<>();
            for (int member : members) {
                if (!Double.isNaN(column[member])) {
                    scored.add(new RankPeers.Member(member, column[member]));
                }
            }
            return scored;
        }

        private RankPeers.Ranked withId(RankPeers.Ranked r, long id) {
            return new RankPeers.Ranked(id, r.score(), r.rank(), r.groupSize(), r.percentile(), r.percentRank(), r.quartile(), r.gapToAbove(), r.gapToMedian(),
                    r.gapToTop(), r.bestRank(), r.worstRank(), r.tooCloseToCall(), r.previousRank(), r.change());
        }

        /** The tenant's current scores in memory. */
        public ScoreTable table() {
            return tables.table(scope.tenant());
        }

        /** Detail analytics (weaknesses, next level, a trend below the total) need the organization's detail. */
        public void requireDetail(Organization organization) {
            if (!scope.canSeeDetailOf(organization)) {
                throw new ItaException(ErrorCode.FORBIDDEN, "the scores of " + organization.fullNameTh() + " below the total are not published to you");
            }
        }

        /** The organizations of a province the caller may compare (404 for a province outside an officer's scope). */
        public int[] provinceMembers(ScoreTable table, String provinceCode) {
            if (scope.role() == th.ita.core.access.Role.PROVINCE_OFFICER && !scope.provinceCodes().contains(provinceCode)) {
                throw ItaException.notFound("province " + provinceCode + " not found");
            }
            List<Organization> all = table.organizations();
            return java.util.stream.IntStream.range(0, all.size()).filter(i -> all.get(i).provinceCode().equals(provinceCode)).toArray();
        }

        /** Every organization the caller may compare, by table index. */
        public int[] visibleMembers(ScoreTable table) {
            List<Organization> all = table.organizations();
            return java.util.stream.IntStream.range(0, all.size()).filter(i -> scope.canSee(all.get(i))).toArray();
        }

        /** Aggregates of peers on a metric: the total for everyone, other metrics for those who see peers' detail. */
        public String aggregateMetric(int year, String metric) {
            return peerMetric(year, metric);
        }

        /** Which organizations are weak in which indicator spans peers' detail: not for organization users. */
        public void requirePeerDetail() {
            if (scope.role() == th.ita.core.access.Role.ORGANIZATION_USER && !scope.peerDetailPublished()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "peers' indicator scores are not published to you");
            }
        }

        public void requireIngest() {
            if (!scope.canIngest()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "only a tenant admin loads data");
            }
        }

        public void requireExport() {
            if (!scope.canExport()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "exports are for analysts and tenant admins");
            }
        }

        public void requireAdministration() {
            if (!scope.canAdminister()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "only a tenant admin manages users, tokens and the audit log");
            }
        }

        private void requireBatches() {
            if (!scope.canReadBatches()) {
                throw new ItaException(ErrorCode.FORBIDDEN, "batches span every organization of a file: tenant admins and analysts only");
            }
        }

        /** The id of the newest published batch, to name the source of a chart: an id reveals nothing of a batch's contents. */
        public Optional<Long> newestBatchId() {
            return batches.list(scope.tenant(), 50).stream().filter(b -> b.status() == th.ita.core.batch.BatchStatus.PUBLISHED)
                    .map(IngestBatch::id).findFirst();
        }

        public List<IngestBatch> batches(int limit) {
            requireBatches();
            return batches.list(scope.tenant(), limit);
        }

        public IngestBatch batch(long id) {
            requireBatches();
            return batches.batch(scope.tenant(), id).orElseThrow(() -> ItaException.notFound("batch " + id + " not found"));
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
