package th.ita.app.web;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.app.export.ExportPolicy;
import th.ita.app.analytics.AnalyticsSettings;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.dashboards.port.Person;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.port.SignIns;
import th.ita.core.message.Message;

/** The dashboards' reads: the API's {@link ScopedData} for a signed-in person, with the same analytics settings and audit. */
@Singleton
class DashboardScores implements ScopedScores {
    private final ScopedData data;
    private final AnalyticsSettings settings;
    private final SignIns signIns;
    private final AuditLog audit;

    DashboardScores(ScopedData data, AnalyticsSettings settings, SignIns signIns, AuditLog audit) {
        this.data = data;
        this.settings = settings;
        this.signIns = signIns;
        this.audit = audit;
    }

    @Override
    public Reads of(Authentication authentication, String tenant) {
        // The API's path: the request's caller, then the reads its scope allows.
        return new PersonReads(data.of(Caller.of(authentication), tenant), signIns.person(authentication));
    }

    private final class PersonReads implements Reads {
        private final ScopedData.Reads reads;
        private final Person person;

        PersonReads(ScopedData.Reads reads, Person person) {
            this.reads = reads;
            this.person = person;
        }

        @Override
        public Person person() {
            return person;
        }

        @Override
        public List<Organization> organizations() {
            return reads.organizations();
        }

        @Override
        public Organization organization(String code) {
            return reads.organization(code);
        }

        @Override
        public boolean detailVisible(Organization organization) {
            return reads.detailVisible(organization);
        }

        @Override
        public boolean peerDetailVisible() {
            return reads.scope().canSeePeersDetail();
        }

        @Override
        public List<Year> years(Organization organization) {
            return reads.years(organization).stream().map(y -> new Year(y.result(), y.masked(), y.methodologyChanges())).toList();
        }

        @Override
        public List<Ranked> ranking(Organization anchor, int year, String metric, PeerGroup group) {
            return reads.ranking(anchor, year, metric, group).stream().map(row -> new Ranked(row.organization(), row.ranked())).toList();
        }

        @Override
        public ScoreTable table() {
            return reads.table();
        }

        @Override
        public int[] provinceMembers(String provinceCode) {
            return reads.provinceMembers(reads.table(), provinceCode);
        }

        @Override
        public int[] visibleMembers() {
            return reads.visibleMembers(reads.table());
        }

        private int index(Organization organization) {
            return reads.table().indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(
                    Message.of("problem.organizationHasNoScores", "organization", organization.fullNameTh())));
        }

        @Override
        public FindWeaknesses.Result weaknesses(Organization organization, int year) {
            reads.requireDetail(organization);
            ScoreTable table = reads.table();
            PeerGroup province = PeerGroup.PROVINCE;
            int[] members = province.members(table, organization);
            FindWeaknesses.Result found = settings.findWeaknesses().find(table, index(organization), year,
                    new FindWeaknesses.Peers(province.key(organization), members));
            double[] totals = table.column(year, Metric.TOTAL).orElse(null);
            int scored = totals == null ? 0 : (int) java.util.Arrays.stream(members).filter(i -> !Double.isNaN(totals[i])).count();
            if (reads.scope().canSeeStatisticsOfGroup(scored, settings.minimumGroupSize())) {
                return found;
            }
            // As the API: the median of a group too small for this caller is withheld (it would give a peer's scores).
            return new FindWeaknesses.Result(found.year(), found.weaknesses().stream().map(w -> new FindWeaknesses.Weakness(w.indicator(), w.nameTh(),
                    w.nameEn(), w.tool(), w.score(), null, w.reasons(), w.severity(), w.draggingItems(), w.guidanceTh(), w.guidanceEn())).toList(),
                    found.strengths());
        }

        @Override
        public TrendOf.Trend trend(Organization organization, String metric) {
            reads.requireMetric(organization, metric);
            return TrendOf.of(reads.table(), index(organization), metric);
        }

        @Override
        public Optional<NextLevel.Result> nextLevel(Organization organization, int year) {
            reads.requireDetail(organization);
            return NextLevel.of(reads.table(), index(organization), year);
        }

        @Override
        public double weaknessThreshold() {
            return settings.weaknessThreshold();
        }

        @Override
        public void exported(Message what, Message detail) {
            DashboardExportAudit.announce(new DashboardExportAudit.Announced(reads.tenant(), reads.caller().username(), what, detail));
            reads.requireExport();
        }

        @Override
        public boolean mayExportDetailOf(Organization organization) {
            return reads.scope().canExportDetailOf(organization);
        }

        @Override
        public void exportedOf(Organization organization, Message what, Message detail) {
            DashboardExportAudit.announce(new DashboardExportAudit.Announced(reads.tenant(), reads.caller().username(), what, detail));
            reads.requireExportOf(organization);
        }

        @Override
        public void exportFailed(Message what, Message reason) {
            audit.record(reads.tenant(), reads.caller().username(), ExportPolicy.FAILED, what, reason);
        }
    }
}
