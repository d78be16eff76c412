package th.ita.app.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.audit.AuditLog;
import th.ita.app.export.ExportPolicy;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.report.AnalysisReports;
import th.ita.core.access.AccessScope;
import th.ita.core.access.Role;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Metric;
import th.ita.core.framework.MetricKind;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.measure.Measure;
import th.ita.core.measure.Measures;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.reports.analysis.AnalysisReport;
import th.ita.reports.followup.DraftFollowUpReport;
import th.ita.reports.followup.FollowUpReport;
import th.ita.reports.followup.FollowUpReportLayout;
import th.ita.reports.followup.MeasureStatus;

/**
 * The measures an organization sets for a fiscal year and how they went. Its organization users (and
 * tenant admins) record them — prefilled from the analysis draft — and everyone who may read the
 * organization's detail reads them, with their effect: the change of the linked indicator or item
 * from the year planned on to the measure's year. Province staff read the measures of their LAOs.
 */
@Controller("/api/tenants/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeasureController {
    private final ScopedData data;
    private final Measures measures;
    private final AnalysisReports reports;
    private final AuditLog audit;
    private final ExportPolicy exports;
    private final Geography geography;

    MeasureController(ScopedData data, Measures measures, AnalysisReports reports, AuditLog audit, ExportPolicy exports, Geography geography) {
        this.data = data;
        this.measures = measures;
        this.reports = reports;
        this.audit = audit;
        this.exports = exports;
        this.geography = geography;
    }

    /** A measure as written by its organization: {@code target} an indicator or item code of the year before {@code fiscalYear}. */
    @Serdeable
    record MeasureInput(int fiscalYear, String target, String title, @Nullable String method, @Nullable String owner, @Nullable String period,
                        @Nullable String status, @Nullable String result, @Nullable String evidenceUrl) {
    }

    /** A measure with its effect ({@code before}: the target's score the year before {@code fiscalYear}; {@code after}: in it). */
    @Serdeable
    record MeasureView(long id, String organizationCode, String organizationTh, int fiscalYear, String target, String targetTh, String title,
                       String method, String owner, String period, String status, String statusTh, String result, @Nullable String evidenceUrl,
                       String updatedBy, Instant updatedAt, @Nullable Double before, @Nullable Double after, @Nullable Double change,
                       @Nullable Boolean improved) {
    }

    @Get("/organizations/{code}/measures")
    List<MeasureView> list(Caller caller, @PathVariable String tenant, @PathVariable String code, int year) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reports.subject(reads, code);
        ScoreTable table = reads.table();
        return measures.of(reads.tenant(), organization.id(), year).stream().map(measure -> view(table, organization, measure)).toList();
    }

    /**
     * Records next fiscal year's measures as the analysis draft of {@code year} suggests them (fiscal
     * year {@code year + 1}, owner blank, status PLANNED); 409 when that year already has measures.
     */
    @Post("/organizations/{code}/measures/draft")
    HttpResponse<List<MeasureView>> fromDraft(Caller caller, @PathVariable String tenant, @PathVariable String code,
                                               @io.micronaut.http.annotation.QueryValue int year) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = writable(reads, code);
        int fiscalYear = year + 1;
        if (measures.any(reads.tenant(), organization.id(), fiscalYear)) {
            throw new ItaException(ErrorCode.CONFLICT, Message.of("measure.alreadyDrafted", "organization", organization.fullNameTh(), "year", fiscalYear));
        }
        AnalysisReport report = reports.model(reads, organization, new AnalysisReports.Request(year, false, false));
        ScoreTable table = reads.table();
        List<Measure> drafted = new ArrayList<>();
        for (AnalysisReport.Measure measure : report.measures()) {
            drafted.add(new Measure(null, reads.tenant(), organization.id(), fiscalYear, measure.targetCode(), measure.measureTh(), measure.stepsTh(),
                    measure.ownerTh(), measure.periodTh(), MeasureStatus.PLANNED.name(), "", null, reads.caller().username(), Instant.now()));
        }
        List<MeasureView> saved = measures.add(drafted).stream().map(measure -> view(table, organization, measure)).toList();
        audit.record(reads.tenant(), reads.caller().username(), "MEASURES_DRAFTED", Message.of("audit.target.measures", "code", organization.code()),
                Message.of("audit.detail.measuresDrafted", "year", fiscalYear, "count", saved.size()));
        return HttpResponse.created(saved);
    }

    @Post("/organizations/{code}/measures")
    HttpResponse<MeasureView> create(Caller caller, @PathVariable String tenant, @PathVariable String code, @Body MeasureInput input) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = writable(reads, code);
        Measure entity = measures.add(List.of(measure(reads, organization, null, input))).get(0);
        audit.record(reads.tenant(), reads.caller().username(), "MEASURE_CREATED", Message.of("audit.target.measure", "id", entity.id(), "code", organization.code()),
                Message.of("audit.detail.name", "name", entity.title()));
        return HttpResponse.created(view(reads.table(), organization, entity));
    }

    @Put("/organizations/{code}/measures/{id}")
    MeasureView update(Caller caller, @PathVariable String tenant, @PathVariable String code, @PathVariable long id,
                       @Body MeasureInput input) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = writable(reads, code);
        existing(reads, organization, id);
        Measure entity = measures.update(measure(reads, organization, id, input));
        audit.record(reads.tenant(), reads.caller().username(), "MEASURE_UPDATED", Message.of("audit.target.measure", "id", id, "code", organization.code()),
                Message.of("audit.detail.measureUpdated", "status", entity.status(), "name", entity.title()));
        return view(reads.table(), organization, entity);
    }

    @Delete("/organizations/{code}/measures/{id}")
    HttpResponse<Void> delete(Caller caller, @PathVariable String tenant, @PathVariable String code, @PathVariable long id) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = writable(reads, code);
        Measure entity = existing(reads, organization, id);
        measures.delete(reads.tenant(), organization.id(), id);
        audit.record(reads.tenant(), reads.caller().username(), "MEASURE_DELETED", Message.of("audit.target.measure", "id", id, "code", organization.code()),
                Message.of("audit.detail.name", "name", entity.title()));
        return HttpResponse.noContent();
    }

    /** The province's view: every measure of its LAOs for the fiscal year and whether its target rose (officers of the province, analysts, admins). */
    @Get("/provinces/{province}/measures")
    List<MeasureView> province(Caller caller, @PathVariable String tenant, @PathVariable String province, int year) {
        ScopedData.Reads reads = data.of(caller, tenant);
        reads.requirePeerDetail();
        Province found = geography.province(province).orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", province)));
        ScoreTable table = reads.table();
        java.util.Set<Long> members = new java.util.HashSet<>();
        for (int index : reads.provinceMembers(table, found.code())) {
            members.add(table.organization(index).id());
        }
        List<MeasureView> views = new ArrayList<>();
        for (Measure entity : measures.ofYear(reads.tenant(), year)) {
            if (members.contains(entity.organizationId())) {
                views.add(view(table, table.organization(table.indexOf(entity.organizationId()).orElseThrow()), entity));
            }
        }
        return views;
    }

    /**
     * The follow-up report of a fiscal year's measures (measure, method, owner, period, result, effect,
     * recommendation) as Word; scoped as the organization's detail; audited as an export.
     */
    @Get("/organizations/{code}/reports/follow-up.docx")
    HttpResponse<byte[]> followUpDocx(Caller caller, @PathVariable String tenant, @PathVariable String code, int year,
                                      @io.micronaut.http.annotation.QueryValue(defaultValue = "arabic") String digits) {
        return followUp(caller, tenant, code, year, digits, false);
    }

    /** The same follow-up report printed to PDF. */
    @Get("/organizations/{code}/reports/follow-up.pdf")
    HttpResponse<byte[]> followUpPdf(Caller caller, @PathVariable String tenant, @PathVariable String code, int year,
                                     @io.micronaut.http.annotation.QueryValue(defaultValue = "arabic") String digits) {
        return followUp(caller, tenant, code, year, digits, true);
    }

    private HttpResponse<byte[]> followUp(Caller caller, String tenant, String code, int year, String digits, boolean pdf) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reports.subject(reads, code);
        return exports.ofOrganization(reads, organization, Message.of("audit.target.followUpReport", "code", organization.code()), year + " " + (pdf ? "pdf" : "docx") + " digits=" + digits,
                () -> followUpFile(reads, organization, year, digits, pdf));
    }

    private HttpResponse<byte[]> followUpFile(ScopedData.Reads reads, Organization organization, int year, String digits, boolean pdf) {
        boolean thai = AnalysisReports.thaiDigits(digits);
        ScoreTable table = reads.table();
        int index = table.indexOf(organization.id()).orElseThrow(() -> ItaException.notFound(Message.of("problem.organizationHasNoScores", "organization", organization.fullNameTh())));
        List<DraftFollowUpReport.Recorded> recorded = measures.of(reads.tenant(), organization.id(), year).stream().map(e -> new DraftFollowUpReport.Recorded(e.targetCode(), e.title(), e.method(), e.owner(), e.period(),
                MeasureStatus.valueOf(e.status()), e.result(), e.evidenceUrl())).toList();
        FollowUpReport report = new DraftFollowUpReport(geography).draft(table, index, year, recorded);
        List<th.ita.reports.document.Block> blocks = FollowUpReportLayout.blocks(report, new th.ita.reports.ThaiDocumentText(thai));
        String name = "follow-up-" + organization.code().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + year;
        AnalysisReports.Document document = pdf ? reports.pdf(report.organizationTh(), blocks, name + ".pdf") : reports.docx(blocks, name + ".docx");
        return HttpResponse.ok(document.bytes()).contentType(document.mediaType())
                .header(io.micronaut.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"");
    }

    /** An organization the caller may write measures of: its own organization user, or a tenant admin. */
    private static Organization writable(ScopedData.Reads reads, String code) {
        Organization organization = reads.organization(code);
        AccessScope scope = reads.caller().scope();
        boolean own = scope.role() == Role.ORGANIZATION_USER && scope.organizationId() != null && scope.organizationId() == organization.id();
        if (!own && scope.role() != Role.TENANT_ADMIN) {
            reads.requireDetail(organization);
            throw new ItaException(ErrorCode.FORBIDDEN, Message.of("measure.writeForbidden", "organization", organization.fullNameTh()));
        }
        return organization;
    }

    private Measure existing(ScopedData.Reads reads, Organization organization, long id) {
        return measures.find(reads.tenant(), organization.id(), id)
                .orElseThrow(() -> ItaException.notFound(Message.of("measure.notFound", "id", id, "code", organization.code())));
    }

    private static Measure measure(ScopedData.Reads reads, Organization organization, Long id, MeasureInput input) {
        Framework framework = reads.table().framework(input.fiscalYear() - 1)
                .orElseThrow(() -> ItaException.invalidInput(Message.of("measure.noScoresToPlanOn", "year", input.fiscalYear() - 1, "fiscalYear", input.fiscalYear())));
        Metric target = framework.resolve(input.target()).filter(m -> m.kind() == MetricKind.INDICATOR || m.kind() == MetricKind.ITEM)
                .orElseThrow(() -> ItaException.invalidInput(Message.of("measure.unknownTarget", "target", String.valueOf(input.target()), "year", framework.year())));
        MeasureStatus status = input.status() == null ? MeasureStatus.PLANNED : MeasureStatus.parse(input.status())
                .orElseThrow(() -> ItaException.invalidInput(Message.of("problem.invalidField", "field", "status", "value", input.status(),
                        "reason", Message.of("validation.oneOf", "values", "PLANNED, IN_PROGRESS, DONE, CANCELLED"))));
        String evidence = input.evidenceUrl() == null || input.evidenceUrl().isBlank() ? null : input.evidenceUrl().strip();
        if (evidence != null && !isWebAddress(evidence)) {
            throw ItaException.invalidInput(Message.of("measure.evidenceNotWebAddress"));
        }
        return new Measure(id, reads.tenant(), organization.id(), input.fiscalYear(), target.code(),
                text("title", input.title(), 1, 1000), text("method", input.method(), 0, 4000), text("owner", input.owner(), 0, 300),
                text("period", input.period(), 0, 200), status.name(), text("result", input.result(), 0, 4000), evidence, reads.caller().username(),
                Instant.now());
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && text.length() <= 1000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(String field, String value, int min, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() < min || text.length() > max) {
            throw ItaException.invalidInput(Message.of("measure.textLength", "field", field, "min", min, "max", max, "length", text.length()));
        }
        return text;
    }

    static MeasureView view(ScoreTable table, Organization organization, Measure entity) {
        DraftFollowUpReport.Effect effect = table.indexOf(organization.id())
                .map(index -> DraftFollowUpReport.effect(table, index, entity.fiscalYear(), entity.targetCode()))
                .orElse(new DraftFollowUpReport.Effect(null, null, null));
        MeasureStatus status = MeasureStatus.valueOf(entity.status());
        return new MeasureView(entity.id(), organization.code(), organization.fullNameTh(), entity.fiscalYear(), entity.targetCode(),
                DraftFollowUpReport.targetName(table, entity.fiscalYear() - 1, entity.targetCode()), entity.title(), entity.method(), entity.owner(),
                entity.period(), status.name(), status.nameTh(), entity.result(), entity.evidenceUrl(), entity.updatedBy(), entity.updatedAt(),
                effect.before(), effect.after(), effect.change(), effect.change() == null ? null : effect.improved());
    }
}
