package th.ita.app.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import th.ita.app.TenantPath;
import th.ita.app.ingest.FindingView;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.OrgYearResult;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreStore;
import th.ita.core.tenant.TenantId;

/** The organizations of a tenant and their results year by year. */
@Controller("/api/tenants/{tenant}/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganizationController {
    private final Organizations organizations;
    private final ScoreStore scores;
    private final Frameworks frameworks;
    private final Geography geography;

    OrganizationController(Organizations organizations, ScoreStore scores, Frameworks frameworks, Geography geography) {
        this.organizations = organizations;
        this.scores = scores;
        this.frameworks = frameworks;
        this.geography = geography;
    }

    /** Every organization of the tenant, or of one province (code, Thai or English name). */
    @Get
    List<OrganizationView> list(@PathVariable String tenant, @Nullable @QueryValue String province) {
        TenantId tenantId = TenantPath.parse(tenant);
        String provinceCode = province == null ? null : geography.province(province).map(Province::code)
                .orElseThrow(() -> ItaException.invalidInput("unknown province '" + province + "'"));
        return organizations.all(tenantId).stream()
                .filter(organization -> provinceCode == null || organization.provinceCode().equals(provinceCode))
                .map(organization -> OrganizationView.of(organization, geography))
                .toList();
    }

    @Get("/{code}")
    OrganizationView organization(@PathVariable String tenant, @PathVariable String code) {
        return OrganizationView.of(find(TenantPath.parse(tenant), code), geography);
    }

    /** Every year's scores, level with reason, findings and methodology changes, oldest first. */
    @Get("/{code}/years")
    List<OrganizationYearView> years(@PathVariable String tenant, @PathVariable String code) {
        TenantId tenantId = TenantPath.parse(tenant);
        Organization organization = find(tenantId, code);
        Map<Integer, List<ScoreFact>> byYear = scores.currentScores(tenantId, organization.id()).stream()
                .collect(Collectors.groupingBy(ScoreFact::year, TreeMap::new, Collectors.toList()));
        Map<Integer, List<DataQualityFinding>> findings = scores.currentFindings(tenantId, organization.id()).stream()
                .collect(Collectors.groupingBy(DataQualityFinding::year));
        List<OrganizationYearView> years = new ArrayList<>();
        byYear.forEach((year, facts) -> {
            Framework framework = frameworks.require(year);
            OrgYearResult result = OrgYearResult.of(framework, facts);
            OrganizationYearView.LevelView level = result.level()
                    .map(l -> new OrganizationYearView.LevelView(l.level().code(), l.level().nameTh(), l.level().nameEn(), l.reasonTh(), l.reasonEn(), l.downgraded()))
                    .orElse(null);
            years.add(new OrganizationYearView(year, level,
                    result.values().stream().map(v -> new OrganizationYearView.MetricValueView(v.metric().code(), v.metric().kind().name(),
                            v.metric().nameTh(), v.metric().nameEn(), v.metric().parentCode(), v.reported(), v.derived(), v.value())).toList(),
                    findings.getOrDefault(year, List.of()).stream().map(FindingView::of).toList(),
                    framework.methodologyChanges().stream().map(change -> change.th() + " / " + change.en()).toList()));
        });
        return years;
    }

    /**
     * Every value an org-year has had for a metric, batch by batch, oldest first: what a later
     * upload replaced stays traceable. {@code current} marks the values in use.
     */
    @Get("/{code}/years/{year}/history")
    List<HistoryView> history(@PathVariable String tenant, @PathVariable String code, @PathVariable int year,
                              @QueryValue(defaultValue = "total") String metric) {
        TenantId tenantId = TenantPath.parse(tenant);
        Organization organization = find(tenantId, code);
        String metricCode = frameworks.require(year).resolve(metric).map(m -> m.code())
                .orElseThrow(() -> ItaException.invalidInput("'" + metric + "' is not a metric of " + year));
        return scores.history(tenantId, organization.id(), year, metricCode).stream()
                .map(h -> new HistoryView(h.batchId(), metricCode, h.value(), h.provenance().name(), h.current()))
                .toList();
    }

    @io.micronaut.serde.annotation.Serdeable
    record HistoryView(long batchId, String metric, double value, String provenance, boolean current) {
    }

    private Organization find(TenantId tenant, String code) {
        return organizations.byCode(tenant, code).orElseThrow(() -> ItaException.notFound("organization " + code + " not found"));
    }
}
