package th.ita.app.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.ingest.FindingView;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;

/** The organizations a caller may see, and their results year by year. */
@Controller("/api/tenants/{tenant}/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class OrganizationController {
    private final ScopedData data;
    private final Geography geography;

    OrganizationController(ScopedData data, Geography geography) {
        this.data = data;
        this.geography = geography;
    }

    /** The organizations the caller may see, all or of one province (code, Thai or English name). */
    @Get
    List<OrganizationView> list(Caller caller, @PathVariable String tenant, @Nullable @QueryValue String province) {
        ScopedData.Reads reads = data.of(caller, tenant);
        String provinceCode = province == null ? null : geography.province(province).map(Province::code)
                .orElseThrow(() -> ItaException.invalidInput(Message.of("problem.provinceNotFound", "province", province)));
        return reads.organizations().stream()
                .filter(organization -> provinceCode == null || organization.provinceCode().equals(provinceCode))
                .map(organization -> OrganizationView.of(organization, geography))
                .toList();
    }

    @Get("/{code}")
    OrganizationView organization(Caller caller, @PathVariable String tenant, @PathVariable String code) {
        return OrganizationView.of(data.of(caller, tenant).organization(code), geography);
    }

    /**
     * Every year's scores (reported and derived side by side), level with its reason, findings and
     * methodology changes, oldest first. Of a peer, an organization user sees the total and level only.
     */
    @Get("/{code}/years")
    List<OrganizationYearView> years(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable String code) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reads.organization(code);
        return reads.years(organization).stream().map(year -> view(year, lang)).toList();
    }

    private static String pick(String th, String en, Language language) {
        return language == Language.EN && en != null && !en.isBlank() ? en : th;
    }

    /** Names, the level's reason and methodology changes in the caller's language ({@code …Th}/{@code …En} keep both). */
    private static OrganizationYearView view(ScopedData.YearResult year, Language lang) {
        OrganizationYearView.LevelView level = year.result().level().map(l -> levelView(l, lang)).orElse(null);
        return new OrganizationYearView(year.result().year(), level,
                year.result().reportedLevel().map(l -> new OrganizationYearView.PublishedLevelView(l.code(), l.nameTh(), l.nameEn())).orElse(null),
                year.result().derivedLevel().map(l -> levelView(l, lang)).orElse(null),
                year.result().reportedRank().orElse(null), year.masked(),
                year.result().values().stream().map(v -> new OrganizationYearView.MetricValueView(v.metric().code(), v.metric().kind().name(),
                        v.metric().nameTh(), v.metric().nameEn(), v.metric().parentCode(), v.reported(), v.derived(), v.value(),
                        pick(v.metric().nameTh(), v.metric().nameEn(), lang))).toList(),
                year.findings().stream().map(finding -> FindingView.of(finding, lang)).toList(),
                year.methodologyChanges().stream().map(change -> pick(change.th(), change.en(), lang)).toList());
    }

    private static OrganizationYearView.LevelView levelView(th.ita.core.framework.LevelAssessment l, Language lang) {
        return new OrganizationYearView.LevelView(l.level().code(), l.level().nameTh(), l.level().nameEn(), l.reasonTh(), l.reasonEn(), l.downgraded(),
                pick(l.level().nameTh(), l.level().nameEn(), lang), pick(l.reasonTh(), l.reasonEn(), lang));
    }

    /**
     * Every value an org-year has had for a metric, batch by batch, oldest first: what a later
     * upload replaced stays traceable. {@code current} marks the values in use.
     */
    @Get("/{code}/years/{year}/history")
    List<HistoryView> history(Caller caller, @PathVariable String tenant, @PathVariable String code, @PathVariable int year,
                              @QueryValue(defaultValue = "total") String metric) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reads.organization(code);
        return reads.history(organization, year, metric).stream()
                .map(h -> new HistoryView(h.batchId(), h.value(), h.provenance().name(), h.current()))
                .toList();
    }

    @Serdeable
    record HistoryView(long batchId, double value, String provenance, boolean current) {
    }
}
