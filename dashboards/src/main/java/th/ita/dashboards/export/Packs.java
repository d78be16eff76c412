package th.ita.dashboards.export;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Province;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.dashboards.page.Places;
import th.ita.dashboards.page.ProvinceTable;
import th.ita.dashboards.port.ChartImages;
import th.ita.dashboards.port.ReportDrafts;
import th.ita.dashboards.port.ScopedScores;
import th.ita.dashboards.web.PageError;
import th.ita.dashboards.web.Pages;
import th.ita.dashboards.web.Texts;

/**
 * ZIP packs, one download for everything of an organization or a province: the analysis report draft
 * (DOCX and PDF) of an organization with its charts and its figures as XLSX and CSV; a province's LAO
 * table as XLSX and CSV, its charts and every LAO's draft. The rights are the export policy's: an
 * organization's pack is its own detail (exporters within their scope, and its own users, who get no
 * peers' rows), a province's pack holds rows of several organizations and their drafts (analysts, tenant
 * admins, province officers of the province). Every pack is audited once: refused, exported, or failed
 * on the way.
 * <p>A pack is streamed: the ZIP is written as its files are made, through a bounded pipe, so the
 * browser shows it coming and a province's 140 drafts never sit in memory together. At most
 * {@code ita.packs.concurrent} packs are made at once (drafts themselves run on the platform's report
 * workers, one per core); past that the answer is 503 with Retry-After.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class Packs {
    private static final Logger LOG = LoggerFactory.getLogger(Packs.class);
    private static final MediaType ZIP = MediaType.of("application/zip");
    private static final int PIPE = 256 * 1024;
    static final int RETRY_AFTER_SECONDS = 30;
    private final ScopedScores scores;
    private final ChartImages charts;
    private final ReportDrafts drafts;
    private final Exports exports;
    private final Places places;
    private final Pages pages;
    private final Semaphore admitted;
    private final ExecutorService writers;

    Packs(ScopedScores scores, ChartImages charts, ReportDrafts drafts, Exports exports, Places places, Pages pages,
          @Value("${ita.packs.concurrent:2}") int concurrent) {
        this.scores = scores;
        this.charts = charts;
        this.drafts = drafts;
        this.exports = exports;
        this.places = places;
        this.pages = pages;
        this.admitted = new Semaphore(Math.max(1, concurrent));
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ita-pack-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a pack writes, entry by entry. */
    @FunctionalInterface
    private interface Contents {
        void write(Pack pack) throws IOException;
    }

    @Get("/exports/organizations/{code}/pack.zip")
    MutableHttpResponse<?> organization(HttpRequest<?> request, Authentication authentication, @PathVariable String code, @Nullable @QueryValue Integer year) {
        Texts t = Exports.texts(request);
        ScopedScores.Reads reads = scores.of(authentication, pages.person(authentication).tenant());
        Organization organization = reads.organization(code);
        List<ScopedScores.Year> years = reads.years(organization);
        int chosen = year != null ? year : years.isEmpty() ? Exports.newest(reads) : years.get(years.size() - 1).result().year();
        boolean total = years.stream().anyMatch(y -> y.result().year() == chosen && y.result().value(Metric.TOTAL).isPresent());
        if (!total) {
            throw PageError.notFound("error.organizationNoScoresIn", organization.fullNameTh(), chosen);
        }
        Message what = Message.of("audit.target.organizationPack", "code", organization.code());
        String folder = "ita-" + organization.code() + "-" + chosen + "/";
        reads.exportedOf(organization, what, Message.of("audit.detail.asked", "parameters", chosen + " zip"));
        boolean group = reads.person().canExport();
        return stream(request, authentication, reads, what, "ita-" + organization.code() + "-" + chosen + ".zip", pack -> {
            List<String> files = new ArrayList<>();
            ReportDrafts.Draft docx = drafts.docx(authentication, organization.code(), chosen);
            pack.stored(folder + docx.fileName(), docx.bytes());
            files.add(docx.fileName() + "\t" + t.get("pack.file.draftDocx", chosen));
            Optional<ReportDrafts.Draft> pdf = drafts.pdf(authentication, organization.code(), chosen);
            if (pdf.isPresent()) {
                pack.stored(folder + pdf.get().fileName(), pdf.get().bytes());
                files.add(pdf.get().fileName() + "\t" + t.get("pack.file.draftPdf", chosen));
            }
            for (String format : List.of("xlsx", "csv")) {
                Exports.Download results = exports.organizationResults(t, reads, organization, chosen, format);
                pack.file(folder + results.fileName(), results.bytes(), format.equals("csv"));
                files.add(results.fileName() + "\t" + t.get("pack.file.results." + format));
            }
            Map<String, Map<String, String>> chartsOf = new LinkedHashMap<>();
            chartsOf.put("trend-tools", Map.of("code", organization.code(), "metrics", "tools"));
            chartsOf.put("trend-indicators", Map.of("code", organization.code(), "metrics", "indicators"));
            chartsOf.put("profile-" + chosen, Map.of("code", organization.code(), "year", Integer.toString(chosen)));
            if (group) {
                // Peers' rows: for those who may export rows of several organizations, not for the organization's own users.
                chartsOf.put("ranking-" + chosen, Map.of("code", organization.code(), "year", Integer.toString(chosen), "top", "15"));
            }
            files.addAll(charts(pack, t, reads, folder, chartsOf));
            pack.file(folder + "README.txt", readme(t, reads, t.get("pack.about.organization", Places.name(t, organization), chosen), files,
                    pdf.isPresent() ? List.of() : List.of(t.get("pack.noPdf"))), true);
        });
    }

    @Get("/exports/provinces/{province}/pack.zip")
    MutableHttpResponse<?> province(HttpRequest<?> request, Authentication authentication, @PathVariable String province, @Nullable @QueryValue Integer year) {
        Texts t = Exports.texts(request);
        ScopedScores.Reads reads = scores.of(authentication, pages.person(authentication).tenant());
        Province found = places.requireProvince(province);
        int chosen = year == null ? Exports.newest(reads) : year;
        ProvinceTable.Table table = ProvinceTable.of(reads, places, t, found.code(), chosen);
        Message what = Message.of("audit.target.provincePack", "province", found.code());
        String folder = "ita-province-" + found.code() + "-" + chosen + "/";
        reads.exported(what,
                Message.of("audit.detail.askedOrganizations", "parameters", chosen + " zip", "organizations", table.rows().size()));
        if (!reads.peerDetailVisible()) {
            throw PageError.forbidden("error.packDetail");
        }
        return stream(request, authentication, reads, what, "ita-province-" + found.code() + "-" + chosen + ".zip", pack -> {
            List<String> files = new ArrayList<>();
            for (String format : List.of("xlsx", "csv")) {
                Exports.Download download = exports.provinceTable(t, reads, found, chosen, table, format);
                pack.file(folder + download.fileName(), download.bytes(), format.equals("csv"));
                files.add(download.fileName() + "\t" + t.get("pack.file.table." + format));
            }
            Map<String, Map<String, String>> chartsOf = new LinkedHashMap<>();
            if (!table.rows().isEmpty()) {
                chartsOf.put("ranking-" + chosen, Map.of("code", table.rows().get(0).organization().code(), "year", Integer.toString(chosen), "top", "15"));
            }
            chartsOf.put("distribution-" + chosen, Map.of("province", found.code(), "year", Integer.toString(chosen)));
            chartsOf.put("heatmap-" + chosen, Map.of("province", found.code(), "year", Integer.toString(chosen)));
            chartsOf.put("levels", Map.of("province", found.code()));
            files.addAll(charts(pack, t, reads, folder, chartsOf));
            StringBuilder index = new StringBuilder(t.get("pack.index.header")).append('\n');
            int[] drafted = {0};
            int without = drafts.province(authentication, found.code(), chosen, draft -> {
                pack.stored(folder + "drafts/" + draft.fileName(), draft.bytes());
                drafted[0]++;
                index.append(draft.organizationCode()).append('\t').append(draft.fileName()).append('\n');
            });
            pack.file(folder + "drafts/index.tsv", index.toString().getBytes(StandardCharsets.UTF_8), true);
            files.add("drafts/\t" + t.get("pack.file.drafts", drafted[0], chosen));
            List<String> notes = without == 0 ? List.of() : List.of(t.get("pack.withoutTotal", without, chosen));
            pack.file(folder + "README.txt", readme(t, reads, t.get("pack.about.province", t.pick(found.nameTh(), found.nameEn()), chosen), files, notes),
                    true);
        });
    }

    /** Each chart as PNG and its data as CSV, the file names listed. */
    private List<String> charts(Pack pack, Texts t, ScopedScores.Reads reads, String folder, Map<String, Map<String, String>> chartsOf) throws IOException {
        List<String> files = new ArrayList<>();
        String tenant = reads.person().tenant();
        for (Map.Entry<String, Map<String, String>> chart : chartsOf.entrySet()) {
            String kind = chart.getKey().replaceAll("-.*", "");
            Map<String, String> parameters = new LinkedHashMap<>(chart.getValue());
            parameters.put("lang", t.language());
            ChartImages.Described described = charts.describe(pack.authentication, tenant, kind, parameters);
            parameters.put("width", "1600");
            parameters.put("height", "1000");
            ChartImages.Image image = charts.draw(pack.authentication, tenant, kind, parameters, "png");
            pack.stored(folder + "charts/" + chart.getKey() + ".png", image.bytes());
            pack.file(folder + "charts/" + chart.getKey() + ".csv", CsvFile.write(described.header(), described.rows()), true);
            files.add("charts/" + chart.getKey() + ".png\t" + described.altText());
        }
        return files;
    }

    private static byte[] readme(Texts t, ScopedScores.Reads reads, String about, List<String> files, List<String> notes) {
        String at = ZonedDateTime.now(ZoneId.of("Asia/Bangkok")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        StringBuilder text = new StringBuilder("\uFEFF").append(about).append("\r\n\r\n");
        text.append(t.get("export.notes.source")).append(": ").append(t.get("export.notes.sourceText", reads.person().tenant())).append("\r\n");
        text.append(t.get("export.notes.by")).append(": ").append(reads.person().displayName()).append(" (").append(reads.person().username()).append(")\r\n");
        text.append(t.get("export.notes.at")).append(": ").append(at).append(" (Asia/Bangkok)\r\n\r\n");
        text.append(t.get("pack.files")).append("\r\n");
        files.forEach(file -> text.append("  ").append(file.replace("\t", " — ")).append("\r\n"));
        for (String note : notes) {
            text.append("\r\n").append(note).append("\r\n");
        }
        text.append("\r\n").append(t.get("export.notes.rank")).append(": ").append(t.get("export.notes.rankText")).append("\r\n");
        text.append(t.get("export.notes.levels")).append(": ").append(t.get("export.notes.levelsText")).append("\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The ZIP being written, and whose request it is for. */
    private static final class Pack {
        final ZipOutputStream zip;
        final Authentication authentication;

        Pack(OutputStream out, Authentication authentication) {
            this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            this.authentication = authentication;
        }

        /** A file that is already compressed (DOCX, PDF, PNG, XLSX) goes in as it is: deflating it again only costs CPU. */
        void stored(String name, byte[] bytes) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }

        void file(String name, byte[] bytes, boolean text) throws IOException {
            if (!text) {
                stored(name, bytes);
                return;
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
        }
    }

    /**
     * Streams a pack: its contents are written on a pack thread into a pipe the response reads from.
     * Refused with 503 and Retry-After when {@code ita.packs.concurrent} packs are being made already.
     */
    private MutableHttpResponse<?> stream(HttpRequest<?> request, Authentication authentication, ScopedScores.Reads reads, Message what,
                                          String fileName, Contents contents) {
        if (!admitted.tryAcquire()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                    .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=utf-8")
                    .body(Exports.texts(request).get("pack.busy", RETRY_AFTER_SECONDS));
        }
        PipedInputStream in = new PipedInputStream(PIPE);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
            writers.submit(() -> ServerRequestContext.with(request, () -> write(authentication, reads, what, contents, in, out)));
        } catch (IOException | RuntimeException e) {
            admitted.release();
            throw e instanceof IOException io ? new java.io.UncheckedIOException(io) : (RuntimeException) e;
        }
        return HttpResponse.ok(new StreamedFile(in, ZIP)).header(HttpHeaders.CONTENT_DISPOSITION, Exports.disposition(fileName))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    /**
     * Writes the pack into the pipe. Complete, the pipe is closed and the download ends; failed, the
     * reading side is closed instead, so the response breaks off and the browser reports the download as
     * failed rather than keeping a ZIP cut short. The client going away closes the pipe: writing stops.
     */
    private void write(Authentication authentication, ScopedScores.Reads reads, Message what, Contents contents, PipedInputStream in, PipedOutputStream out) {
        boolean complete = false;
        try {
            Pack pack = new Pack(out, authentication);
            contents.write(pack);
            pack.zip.finish();
            complete = true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} failed: {}", th.ita.core.message.Messages.standard().render(what, th.ita.core.message.Language.EN), e.toString());
            reads.exportFailed(what, Message.of(e instanceof IOException ? "audit.detail.downloadInterrupted" : "audit.detail.packPartFailed"));
        } finally {
            try {
                if (complete) {
                    out.close();
                } else {
                    in.close();
                }
            } catch (IOException ignored) {
                // Nothing more can be told to a client that is gone.
            } finally {
                admitted.release();
            }
        }
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }
}
