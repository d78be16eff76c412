package th.ita.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import th.ita.app.PlatformConfiguration;
import th.ita.app.TenantPath;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatches;
import th.ita.core.error.ItaException;
import th.ita.core.score.ScoreStore;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;
import th.ita.ingest.source.FileFormat;
import th.ita.ingest.source.SourceFile;

/** Uploads of score files, and the batches they became. */
@Controller("/api/tenants/{tenant}/batches")
@ExecuteOn(TaskExecutors.BLOCKING)
class BatchController {
    private static final int MAX_PAGE = 1_000;
    private final IngestScores ingest;
    private final IngestBatches batches;
    private final ScoreStore scores;
    private final Path uploads;

    BatchController(IngestScores ingest, IngestBatches batches, ScoreStore scores, PlatformConfiguration configuration) {
        this.ingest = ingest;
        this.batches = batches;
        this.scores = scores;
        this.uploads = configuration.dataDirectory().resolve("uploads");
    }

    /**
     * Loads a file (CSV, XLSX or JSON; long or wide layout) as one batch. 201 with the batch when new,
     * 200 with the earlier batch when the same file was loaded before (nothing changes), 422 when
     * every row was rejected, 400 when the file cannot be read at all.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<IngestResponse> upload(@PathVariable String tenant, @Part("file") CompletedFileUpload file,
                                        @Nullable @Part("format") String format, @Nullable @Part("encoding") String encoding) {
        TenantId tenantId = TenantPath.parse(tenant);
        IngestOptions options = new IngestOptions(parseFormat(format), parseCharset(encoding), IngestOptions.DEFAULT_MAX_STORED_ERRORS);
        Path spooled = spool(file);
        try {
            IngestReport report = ingest.ingest(tenantId, spooled, file.getFilename(), options, IngestProgress.NONE);
            IngestResponse body = new IngestResponse(BatchView.of(report.batch()), report.alreadyLoaded(),
                    report.firstErrors().stream().map(RowErrorView::of).toList());
            HttpStatus status = report.alreadyLoaded() ? HttpStatus.OK
                    : report.batch().status() == BatchStatus.PUBLISHED ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY;
            return HttpResponse.<IngestResponse>status(status).body(body);
        } finally {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException ignored) {
                // A leftover spool file is removed with the next start's clean-up of the uploads directory.
            }
        }
    }

    private Path spool(CompletedFileUpload file) {
        try {
            Files.createDirectories(uploads);
            Path spooled = Files.createTempFile(uploads, "upload-", ".part");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            return spooled;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the upload", e);
        }
    }

    private static Optional<FileFormat> parseFormat(String format) {
        if (format == null || format.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileFormat.valueOf(format.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ItaException.invalidInput("format must be csv, xlsx or json, not '" + format + "'");
        }
    }

    private static Optional<Charset> parseCharset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return Optional.empty();
        }
        String name = encoding.strip().toLowerCase(Locale.ROOT);
        if (name.equals("tis-620") || name.equals("tis620") || name.equals("windows-874") || name.equals("cp874")) {
            return Optional.of(SourceFile.THAI_SINGLE_BYTE);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ItaException.invalidInput("unknown encoding '" + encoding + "'; use utf-8 or tis-620");
        }
    }

    /** Newest first. */
    @Get
    List<BatchView> list(@PathVariable String tenant, @QueryValue(defaultValue = "50") int limit) {
        return batches.list(TenantPath.parse(tenant), Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(BatchView::of).toList();
    }

    @Get("/{id}")
    BatchView batch(@PathVariable String tenant, @PathVariable long id) {
        return BatchView.of(batches.batch(TenantPath.parse(tenant), id).orElseThrow(() -> ItaException.notFound("batch " + id + " not found")));
    }

    /** Row errors in file order, a page at a time. */
    @Get("/{id}/errors")
    List<RowErrorView> errors(@PathVariable String tenant, @PathVariable long id,
                              @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        TenantId tenantId = TenantPath.parse(tenant);
        batch(tenant, id);
        return batches.errors(tenantId, id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(RowErrorView::of).toList();
    }

    /** Data-quality findings of a batch, a page at a time. */
    @Get("/{id}/findings")
    List<FindingView> findings(@PathVariable String tenant, @PathVariable long id,
                               @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        TenantId tenantId = TenantPath.parse(tenant);
        batch(tenant, id);
        return scores.findingsOfBatch(tenantId, id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(FindingView::of).toList();
    }
}
