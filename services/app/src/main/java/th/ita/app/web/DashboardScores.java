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
        return new PersonReads(data.of(authentication, tenant), signIns.person(authentication));
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
            try {
                reads.requirePeerDetail();
                return true;
            } catch (ItaException e) {
                return false;
            }
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
            return reads.table().indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(organization.fullNameTh() + " has no scores yet"));
        }

        @Override
        public FindWeaknesses.Result weaknesses(Organization organization, int year) {
            reads.requireDetail(organization);
            ScoreTable table = reads.table();
            PeerGroup province = PeerGroup.PROVINCE;
            FindWeaknesses.Peers peers = new FindWeaknesses.Peers(province.key(organization), province.members(table, organization));
            return settings.findWeaknesses().find(table, index(organization), year, peers);
        }

        @Override
        public TrendOf.Trend trend(Organization organization, String metric) {
            if (!metric.equals(Metric.TOTAL)) {
                reads.requireDetail(organization);
            }
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
        public void exported(String what, String detail) {
            DashboardExportAudit.announce(new DashboardExportAudit.Announced(reads.tenant(), reads.caller().username(), what, detail));
            reads.requireExport();
        }

        @Override
        public boolean mayExportDetailOf(Organization organization) {
            return reads.scope().canExportDetailOf(organization);
        }

        @Override
        public void exportedOf(Organization organization, String what, String detail) {
            DashboardExportAudit.announce(new DashboardExportAudit.Announced(reads.tenant(), reads.caller().username(), what, detail));
            reads.requireExportOf(organization);
        }

        @Override
        public void exportFailed(String what, String reason) {
            audit.record(reads.tenant(), reads.caller().username(), ExportPolicy.FAILED, what, reason);
        }
    }
}
