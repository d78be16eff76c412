package th.ita.app.report;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.PlatformConfiguration;
import th.ita.core.access.Role;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;

/**
 * Province batches of analysis drafts, run in the background: every organization of a province with a
 * total in the year gets its DOCX, drafted in parallel (one worker per core) from the table as it was
 * when the job started, written into one ZIP under the data directory. A job belongs to its tenant and
 * its creator (a tenant admin may read any of the tenant); jobs and their ZIPs are dropped after a day.
 */
@Singleton
public class ReportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);
    static final Duration KEPT = Duration.ofDays(1);
    private final AnalysisReports reports;
    private final Path directory;
    private final ExecutorService coordinators = Executors.newFixedThreadPool(2, daemon("ita-report-job"));
    private final ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), daemon("ita-report-draft"));
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ReportJobs(AnalysisReports reports, PlatformConfiguration configuration) {
        this.reports = reports;
        this.directory = configuration.dataDirectory().resolve("report-jobs");
    }

    public enum Status { RUNNING, DONE, FAILED }

    /**
     * A job as its creator sees it; {@code skipped}: organizations of the province without a total that year;
     * {@code error}: why a FAILED job failed, in the caller's language (a fault's own text stays in the log).
     */
    @Serdeable
    public record JobView(String id, String provinceCode, int year, Status status, int done, int total, List<String> skipped,
                          @io.micronaut.core.annotation.Nullable String error, Instant startedAt,
                          @io.micronaut.core.annotation.Nullable Instant finishedAt, String download) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final TenantId tenant;
        final String owner;
        final String provinceCode;
        final int year;
        final int total;
        final List<String> skipped;
        final Instant startedAt = Instant.now();
        final AtomicInteger done = new AtomicInteger();
        volatile Status status = Status.RUNNING;
        volatile Message failure;
        volatile Instant finishedAt;
        volatile Path zip;

        Job(TenantId tenant, String owner, String provinceCode, int year, int total, List<String> skipped) {
            this.tenant = tenant;
            this.owner = owner;
            this.provinceCode = provinceCode;
            this.year = year;
            this.total = total;
            this.skipped = List.copyOf(skipped);
        }

        JobView view(String basePath, Language language) {
            // The status first: fail() writes the failure before the status, so a FAILED read here comes with its failure.
            Status now = status;
            Message failed = failure;
            return new JobView(id, provinceCode, year, now, done.get(), total, skipped,
                    failed == null ? null : Messages.standard().render(failed, language), startedAt, finishedAt, basePath + "/" + id + "/drafts.zip");
        }
    }

    /** Starts the drafts of {@code members} (table indexes, already scoped to the caller); answers at once. */
    public JobView start(TenantId tenant, String owner, String provinceCode, ScoreTable table, int[] members, AnalysisReports.Request request,
                         String basePath) {
        return start(tenant, owner, provinceCode, table, members, request, basePath, Language.TH);
    }

    /** As {@link #start(TenantId, String, String, ScoreTable, int[], AnalysisReports.Request, String)}, answered in a language. */
    public JobView start(TenantId tenant, String owner, String provinceCode, ScoreTable table, int[] members, AnalysisReports.Request request,
                         String basePath, Language language) {
        evictOld();
        List<Integer> drafted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int member : members) {
            if (Double.isNaN(table.value(request.year(), Metric.TOTAL, member))) {
                skipped.add(table.organization(member).code());
            } else {
                drafted.add(member);
            }
        }
        if (drafted.isEmpty()) {
            throw ItaException.notFound(Message.of("report.noTotalsInProvince", "province", provinceCode, "year", request.year()));
        }
        Job job = new Job(tenant, owner, provinceCode, request.year(), drafted.size(), skipped);
        jobs.put(job.id, job);
        coordinators.submit(() -> run(job, table, drafted, request));
        return job.view(basePath, language);
    }

    /** Drafts and writes, in code order as drafts complete; the ZIP appears only when complete. */
    private void run(Job job, ScoreTable table, List<Integer> members, AnalysisReports.Request request) {
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(job.id + ".zip.part");
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                StringBuilder index = new StringBuilder("รหัส\tหน่วยงาน\tไฟล์\n");
                draftInOrder(table, members, request, (member, document) -> {
                    Organization organization = table.organization(member);
                    stored(zip, document.fileName(), document.bytes());
                    job.done.incrementAndGet();
                    index.append(organization.code()).append('\t').append(organization.fullNameTh()).append('\t').append(document.fileName()).append('\n');
                });
                for (String code : job.skipped) {
                    index.append(code).append('\t').append("ไม่มีคะแนนรวมปี ").append(job.year).append('\t').append('\n');
                }
                zip.putNextEntry(new ZipEntry("index.tsv"));
                zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            Path complete = directory.resolve(job.id + ".zip");
            Files.move(partial, complete);
            job.zip = complete;
            job.finishedAt = Instant.now();
            job.status = Status.DONE;
        } catch (ExecutionException e) {
            fail(job, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(job, e);
        } catch (IOException | RuntimeException e) {
            fail(job, e);
        } catch (Error e) {
            // Finished, so that it is evicted in time with its partial file; the error itself goes on.
            fail(job, e);
            throw e;
        }
    }

    /** What is done with each draft, in the order of the organizations. */
    @FunctionalInterface
    public interface Drafted {
        void accept(int member, AnalysisReports.Document document) throws IOException;
    }

    /**
     * Drafts the DOCX of each of {@code members} (table indexes, already scoped) on the report workers —
     * one per core, shared by every job and pack, so drafts never take more than the machine's cores —
     * and hands them to {@code each} in the members' order. At most {@link #AHEAD} per worker are drafted
     * ahead of the one being handed on, so the memory a province needs stays bounded however many there are.
     */
    public void draftInOrder(ScoreTable table, List<Integer> members, AnalysisReports.Request request, Drafted each)
            throws IOException, ExecutionException, InterruptedException {
        int window = Math.max(2, AHEAD * Runtime.getRuntime().availableProcessors());
        java.util.ArrayDeque<Future<AnalysisReports.Document>> pending = new java.util.ArrayDeque<>();
        int submitted = 0;
        try {
            for (int next = 0; next < members.size(); next++) {
                while (submitted < members.size() && submitted < next + window) {
                    int member = members.get(submitted++);
                    pending.add(workers.submit(() -> reports.docx(reports.model(table, member, request), request)));
                }
                each.accept(members.get(next), pending.poll().get());
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    /** Drafts per worker kept ahead of the writer. */
    static final int AHEAD = 4;

    /**
     * A file into the ZIP as it is: a DOCX (and a PNG) is itself compressed, and deflating it again
     * only spends the CPU the drafts need.
     */
    public static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void fail(Job job, Throwable cause) {
        LOG.error("report job {} of province {} ({}) failed", job.id, job.provinceCode, job.year, cause);
        job.failure = cause instanceof ItaException known && known.code() != ErrorCode.STORAGE_UNAVAILABLE && known.userMessage().isPresent()
                ? known.userMessage().get() : Message.of("report.jobFailed");
        // Everything a reader of a finished job needs is written before its status, which view() reads first.
        job.finishedAt = Instant.now();
        job.status = Status.FAILED;
    }

    /** A job of the caller (a tenant admin: any of the tenant); another's reads as not found. */
    public JobView view(TenantId tenant, String caller, Role role, String id, String basePath) {
        return view(tenant, caller, role, id, basePath, Language.TH);
    }

    public JobView view(TenantId tenant, String caller, Role role, String id, String basePath, Language language) {
        return find(tenant, caller, role, id).view(basePath, language);
    }

    public Path zip(TenantId tenant, String caller, Role role, String id) {
        Job job = find(tenant, caller, role, id);
        if (job.status != Status.DONE) {
            throw new ItaException(ErrorCode.CONFLICT, Message.of("report.jobNotReady", "id", id, "status", String.valueOf(job.status), "done", job.done.get(),
                    "total", job.total));
        }
        return job.zip;
    }

    private Job find(TenantId tenant, String caller, Role role, String id) {
        Job job = jobs.get(id);
        if (job == null || !job.tenant.equals(tenant) || (!job.owner.equals(caller) && role != Role.TENANT_ADMIN)) {
            throw ItaException.notFound(Message.of("report.jobNotFound", "id", id));
        }
        return job;
    }

    private void evictOld() {
        Instant cutoff = Instant.now().minus(KEPT);
        jobs.values().removeIf(job -> {
            boolean old = job.finishedAt != null && job.finishedAt.isBefore(cutoff);
            if (old && job.zip != null) {
                try {
                    Files.deleteIfExists(job.zip);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + job.zip, e);
                }
            }
            return old;
        });
    }

    Optional<Status> status(String id) {
        return Optional.ofNullable(jobs.get(id)).map(job -> job.status);
    }

    @PreDestroy
    void stop() {
        coordinators.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
