package th.ita.app.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.export.ExportPolicy;
import th.ita.charts.RenderPool;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.reports.analysis.AnalysisReport;

/**
 * The yearly analysis report of an organization as a draft to edit (DOCX) or to read (PDF). Scoped as
 * the organization's own detail: its organization users, province officers of its province, analysts
 * and tenant admins; a peer's report is 403, an organization outside the caller's scope 404. Audited
 * as an export. A draft draws its charts and prints on this request's thread, so it takes a place of the
 * drawing pool first, as a chart does: with every place taken it is refused at once (503, Retry-After).
 */
@Controller("/api/tenants/{tenant}/organizations/{code}/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {
    private final ScopedData data;
    private final AnalysisReports reports;
    private final ExportPolicy exports;
    private final RenderPool drawing;

    ReportController(ScopedData data, AnalysisReports reports, ExportPolicy exports, RenderPool drawing) {
        this.data = data;
        this.reports = reports;
        this.exports = exports;
        this.drawing = drawing;
    }

    /**
     * The analysis report of {@code year} with next fiscal year's measures, as Word (A4, TH Sarabun New 16 pt).
     * {@code digits}: arabic (default) or thai; {@code charts}: the trend charts (default true).
     */
    @Get("/analysis.docx")
    HttpResponse<byte[]> docx(Caller caller, @PathVariable String tenant, @PathVariable String code, int year,
                              @QueryValue(defaultValue = "arabic") String digits, @QueryValue(defaultValue = "true") boolean charts) {
        return answer(caller, tenant, code, year, digits, charts, false);
    }

    /** The same report printed to PDF (headless Chromium: Thai shaped right, a real text layer). */
    @Get("/analysis.pdf")
    HttpResponse<byte[]> pdf(Caller caller, @PathVariable String tenant, @PathVariable String code, int year,
                             @QueryValue(defaultValue = "arabic") String digits, @QueryValue(defaultValue = "true") boolean charts) {
        return answer(caller, tenant, code, year, digits, charts, true);
    }

    private HttpResponse<byte[]> answer(Caller caller, String tenant, String code, int year, String digits, boolean charts, boolean pdf) {
        ScopedData.Reads reads = data.of(caller, tenant);
        Organization organization = reports.subject(reads, code);
        try (RenderPool.Admission admitted = drawing.admit()) {
            return draft(reads, organization, year, digits, charts, pdf);
        }
    }

    private HttpResponse<byte[]> draft(ScopedData.Reads reads, Organization organization, int year, String digits, boolean charts, boolean pdf) {
        return exports.ofOrganization(reads, organization, Message.of("audit.target.analysisReport", "code", organization.code()), year + " " + (pdf ? "pdf" : "docx") + " digits=" + digits, () -> {
            AnalysisReports.Request request = new AnalysisReports.Request(year, AnalysisReports.thaiDigits(digits), charts);
            AnalysisReport report = reports.model(reads, organization, request);
            AnalysisReports.Document document = pdf ? reports.pdf(report, request) : reports.docx(report, request);
            return HttpResponse.ok(document.bytes()).contentType(document.mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.fileName() + "\"");
        });
    }
}
