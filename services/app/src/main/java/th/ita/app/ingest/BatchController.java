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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
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
import th.ita.app.Node;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.core.batch.BatchStatus;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;
import th.ita.ingest.source.FileFormat;
import th.ita.ingest.source.SourceFile;

/** Uploads of score files, and the batches they became. */
@Controller("/api/tenants/{tenant}/batches")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BatchController {
    private static final int MAX_PAGE = 1_000;
    private final IngestScores ingest;
    private final ScopedData data;
    private final AuditLog audit;
    private final Path uploads;

    BatchController(IngestScores ingest, ScopedData data, AuditLog audit, Node node) {
        this.ingest = ingest;
        this.data = data;
        this.audit = audit;
        this.uploads = node.spoolDirectory();
    }

    /**
     * Loads a file (CSV, XLSX or JSON; long or wide layout) as one batch. 201 with the batch when new,
     * 200 with the earlier batch when the same file was loaded before (nothing changes), 422 when
     * every row was rejected, 400 when the file cannot be read at all.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<IngestResponse> upload(Authentication authentication, @Nullable Language lang, @PathVariable String tenant, @Part("file") CompletedFileUpload file,
                                        @Nullable @Part("format") String format, @Nullable @Part("encoding") String encoding) {
        ScopedData.Reads reads = data.of(authentication, tenant);
        reads.requireIngest();
        IngestOptions options = new IngestOptions(parseFormat(format), parseCharset(encoding), IngestOptions.DEFAULT_MAX_STORED_ERRORS);
        Path spooled = spool(file);
        try {
            IngestReport report;
            try {
                report = ingest.ingest(reads.tenant(), spooled, file.getFilename(), options, IngestProgress.NONE);
            } catch (ItaException e) {
                audit.record(reads.tenant(), reads.caller().username(), "INGEST_FAILED", "file " + file.getFilename(), e.getMessage());
                throw e;
            }
            audit.record(reads.tenant(), reads.caller().username(), report.alreadyLoaded() ? "INGEST_REPEATED" : "INGEST",
                    "batch " + report.batch().id(), file.getFilename() + ": " + report.batch().status() + ", " + report.batch().scoresAccepted()
                            + " scores accepted, " + report.batch().rowsRejected() + " rows rejected");
            IngestResponse body = new IngestResponse(BatchView.of(report.batch()), report.alreadyLoaded(),
                    report.firstErrors().stream().map(error -> RowErrorView.of(error, lang)).toList());
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
            throw ItaException.invalidInput(Message.of("file.unknownFormat", "format", format));
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
            throw ItaException.invalidInput(Message.of("file.unknownEncoding", "encoding", encoding));
        }
    }

    /** Newest first. */
    @Get
    List<BatchView> list(Authentication authentication, @PathVariable String tenant, @QueryValue(defaultValue = "50") int limit) {
        return data.of(authentication, tenant).batches(Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(BatchView::of).toList();
    }

    @Get("/{id}")
    BatchView batch(Authentication authentication, @PathVariable String tenant, @PathVariable long id) {
        return BatchView.of(data.of(authentication, tenant).batch(id));
    }

    /** Row errors in file order, a page at a time. */
    @Get("/{id}/errors")
    List<RowErrorView> errors(Authentication authentication, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id,
                              @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        return data.of(authentication, tenant).errors(id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(error -> RowErrorView.of(error, lang)).toList();
    }

    /** Data-quality findings of a batch, a page at a time. */
    @Get("/{id}/findings")
    List<FindingView> findings(Authentication authentication, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id,
                               @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        return data.of(authentication, tenant).findings(id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(finding -> FindingView.of(finding, lang)).toList();
    }
}
