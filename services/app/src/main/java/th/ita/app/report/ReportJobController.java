package th.ita.app.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.export.ExportPolicy;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.message.Language;
import th.ita.core.message.Message;

/**
 * The analysis drafts of every LAO of a province at once: an asynchronous job with its progress, then
 * a ZIP of DOCX files. For province officers of that province, analysts and tenant admins (organization
 * users 403: the drafts hold peers' detail); started and downloaded drafts are audited as exports.
 */
@Controller("/api/tenants/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportJobController {
    private final ScopedData data;
    private final ReportJobs jobs;
    private final ExportPolicy exports;
    private final Geography geography;

    ReportJobController(ScopedData data, ReportJobs jobs, ExportPolicy exports, Geography geography) {
        this.data = data;
        this.jobs = jobs;
        this.exports = exports;
        this.geography = geography;
    }

    /** Starts the drafts of {@code year} for every organization of the province with a total; 202 with the job to follow. */
    @Post("/provinces/{province}/reports/analysis-batch")
    HttpResponse<ReportJobs.JobView> start(Caller caller, @io.micronaut.core.annotation.Nullable Language lang, @PathVariable String tenant, @PathVariable String province, @QueryValue int year,
                                           @QueryValue(defaultValue = "arabic") String digits, @QueryValue(defaultValue = "true") boolean charts) {
        ScopedData.Reads reads = data.of(caller, tenant);
        reads.requirePeerDetail();
        Province found = geography.province(province).orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", province)));
        ReportJobs.JobView job = exports.ofGroup(reads, Message.of("audit.target.provinceDrafts", "province", found.code()), year + " docx digits=" + digits, () -> {
            ScoreTable table = reads.table();
            int[] members = reads.provinceMembers(table, found.code());
            AnalysisReports.Request request = new AnalysisReports.Request(year, AnalysisReports.thaiDigits(digits), charts);
            return jobs.start(reads.tenant(), reads.caller().username(), found.code(), table, members, request, base(tenant), language(lang));
        }, started -> Message.of("audit.outcome.job", "organizations", started.total(), "job", started.id()));
        return HttpResponse.<ReportJobs.JobView>status(HttpStatus.ACCEPTED).body(job).header(HttpHeaders.LOCATION, base(tenant) + "/" + job.id());
    }

    /** A job's progress: drafts done of the total, and the ZIP's address once DONE. */
    @Get("/report-jobs/{id}")
    ReportJobs.JobView job(Caller caller, @io.micronaut.core.annotation.Nullable Language lang, @PathVariable String tenant, @PathVariable String id) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return jobs.view(reads.tenant(), reads.caller().username(), reads.caller().scope().role(), id, base(tenant), language(lang));
    }

    private static Language language(Language lang) {
        return lang == null ? Language.TH : lang;
    }

    /** The ZIP of a finished job: one DOCX per organization and index.tsv; 409 while it runs. */
    @Get("/report-jobs/{id}/drafts.zip")
    HttpResponse<SystemFile> zip(Caller caller, @PathVariable String tenant, @PathVariable String id) {
        ScopedData.Reads reads = data.of(caller, tenant);
        return exports.ofGroup(reads, Message.of("audit.target.draftsJob", "job", id), "zip", () -> {
            java.nio.file.Path zip = jobs.zip(reads.tenant(), reads.caller().username(), reads.caller().scope().role(), id);
            return HttpResponse.ok(new SystemFile(zip.toFile(), io.micronaut.http.MediaType.of("application/zip")).attach("analysis-drafts-" + id + ".zip"));
        }, file -> Message.of("audit.outcome.bytes", "bytes", file.body().getLength()));
    }

    private static String base(String tenant) {
        return "/api/tenants/" + tenant + "/report-jobs";
    }
}
