package th.ita.app.report;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.charts.RenderPool;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.dashboards.port.ReportDrafts;

/**
 * The dashboards' report drafts: the report endpoints' rights, model and place in the drawing pool (a draft draws
 * its charts on the request's thread), the batch jobs' bounded workers.
 */
@Singleton
class DashboardDrafts implements ReportDrafts {
    private final ScopedData data;
    private final AnalysisReports reports;
    private final ReportJobs jobs;
    private final RenderPool drawing;

    DashboardDrafts(ScopedData data, AnalysisReports reports, ReportJobs jobs, RenderPool drawing) {
        this.data = data;
        this.reports = reports;
        this.jobs = jobs;
        this.drawing = drawing;
    }

    private ScopedData.Reads reads(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return data.of(caller, caller.scope().tenant().value());
    }

    private static AnalysisReports.Request request(int year) {
        return new AnalysisReports.Request(year, false, true);
    }

    @Override
    public Draft docx(Authentication authentication, String code, int year) {
        ScopedData.Reads reads = reads(authentication);
        Organization organization = reports.subject(reads, code);
        try (RenderPool.Admission admitted = drawing.admit()) {
            AnalysisReports.Document document = reports.docx(reports.model(reads, organization, request(year)), request(year));
            return new Draft(organization.code(), document.fileName(), document.bytes());
        }
    }

    @Override
    public Optional<Draft> pdf(Authentication authentication, String code, int year) {
        ScopedData.Reads reads = reads(authentication);
        Organization organization = reports.subject(reads, code);
        if (!reports.printsPdf()) {
            return Optional.empty();
        }
        try (RenderPool.Admission admitted = drawing.admit()) {
            AnalysisReports.Document document = reports.pdf(reports.model(reads, organization, request(year)), request(year));
            return Optional.of(new Draft(organization.code(), document.fileName(), document.bytes()));
        }
    }

    @Override
    public int province(Authentication authentication, String provinceCode, int year, Each each) throws IOException {
        ScopedData.Reads reads = reads(authentication);
        reads.requirePeerDetail();
        ScoreTable table = reads.table();
        List<Integer> drafted = new ArrayList<>();
        int without = 0;
        for (int member : reads.provinceMembers(table, provinceCode)) {
            if (Double.isNaN(table.value(year, Metric.TOTAL, member))) {
                without++;
            } else {
                drafted.add(member);
            }
        }
        drafted.sort(java.util.Comparator.comparing(member -> table.organization(member).code()));
        try {
            jobs.draftInOrder(table, drafted, request(year), (member, document) ->
                    each.accept(new Draft(table.organization(member).code(), document.fileName(), document.bytes())));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ItaException ita) {
                throw ita;
            }
            throw new IllegalStateException("a draft failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while drafting"));
        }
        return without;
    }
}
