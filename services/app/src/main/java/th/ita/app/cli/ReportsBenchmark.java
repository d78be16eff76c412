package th.ita.app.cli;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.TenantTables;
import th.ita.app.report.AnalysisReports;
import th.ita.app.report.ReportJobs;
import th.ita.core.access.Role;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.tenant.TenantId;
import th.ita.reports.analysis.AnalysisReport;

/**
 * Times the analysis drafts on the configured store (e.g. the demo tenant after a first start): one
 * organization's DOCX with its charts (five rounds) and PDF, then a whole province through the same
 * background job as the HTTP batch.
 */
final class ReportsBenchmark {
    private ReportsBenchmark() {
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static int run(String[] args) {
        try {
            return measure(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int measure(String[] args) throws InterruptedException, java.io.IOException {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String tenant = options.getOrDefault("--tenant", "demo");
        String provinceName = options.getOrDefault("--province", "57");
        int year = Integer.parseInt(options.getOrDefault("--year", "2568"));
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            TenantId id = TenantId.of(tenant);
            long started = System.nanoTime();
            ScoreTable table = context.getBean(TenantTables.class).table(id);
            System.out.printf(Locale.ROOT, "score table of %s: %,d organizations in %.2f s%n", tenant, table.organizations().size(), (System.nanoTime() - started) / 1e9);
            String province = context.getBean(Geography.class).province(provinceName).orElseThrow().code();
            int[] members = java.util.stream.IntStream.range(0, table.organizations().size())
                    .filter(i -> table.organization(i).provinceCode().equals(province)).toArray();
            int first = Arrays.stream(members).filter(i -> !Double.isNaN(table.value(year, Metric.TOTAL, i))).findFirst().orElseThrow();
            AnalysisReports reports = context.getBean(AnalysisReports.class);
            AnalysisReports.Request request = new AnalysisReports.Request(year, false, true);
            for (int round = 1; round <= 5; round++) {
                long t0 = System.nanoTime();
                AnalysisReport report = reports.model(table, first, request);
                long t1 = System.nanoTime();
                AnalysisReports.Document docx = reports.docx(report, request);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "one report (%s) round %d: model with charts %.0f ms, DOCX %.0f ms, %,d bytes%n", report.organizationCode(), round,
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, docx.bytes().length);
            }
            try {
                long t0 = System.nanoTime();
                AnalysisReports.Document pdf = reports.pdf(reports.model(table, first, request), request);
                System.out.printf(Locale.ROOT, "one report as PDF (Chromium): %.2f s, %,d bytes%n", (System.nanoTime() - t0) / 1e9, pdf.bytes().length);
            } catch (th.ita.core.error.ItaException e) {
                System.out.println("PDF skipped: " + e.getMessage());
            }
            ReportJobs jobs = context.getBean(ReportJobs.class);
            // CPU time of the whole process across the batch: on a shared machine the wall time measures the others' load too.
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            ReportJobs.JobView job = jobs.start(id, "benchmark", province, table, members, request, "/benchmark");
            while (job.status() == ReportJobs.Status.RUNNING) {
                Thread.sleep(100);
                job = jobs.view(id, "benchmark", Role.TENANT_ADMIN, job.id(), "/benchmark");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            Optional<Path> zip = job.status() == ReportJobs.Status.DONE ? Optional.of(jobs.zip(id, "benchmark", Role.TENANT_ADMIN, job.id())) : Optional.empty();
            System.out.printf(Locale.ROOT, "province %s %d: %s, %d drafts (%d without a total skipped) in %.2f s (%.0f ms each, %d workers), "
                            + "%.1f s of CPU (%.0f ms a draft), ZIP %,d bytes%n",
                    province, year, job.status(), job.done(), job.skipped().size(), seconds, seconds * 1000 / Math.max(1, job.done()),
                    Runtime.getRuntime().availableProcessors(), cpuSeconds, cpuSeconds * 1000 / Math.max(1, job.done()),
                    zip.isPresent() ? Files.size(zip.get()) : 0);
            if (zip.isPresent()) {
                Files.delete(zip.get());
            }
            return job.status() == ReportJobs.Status.DONE ? 0 : 1;
        }
    }
}
