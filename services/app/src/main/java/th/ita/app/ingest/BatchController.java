package th.ita.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import th.ita.app.DataDirectory;
import th.ita.app.Node;
import th.ita.app.access.Caller;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.core.batch.BatchStatus;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;

/** Uploads of score files, and the batches they became. */
@Controller("/api/tenants/{tenant}/batches")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BatchController {
    private static final int MAX_PAGE = 1_000;
    /** National files run to hundreds of MB; application.yml allows requests up to the same size ({@code ita.uploads.max-bytes}). */
    private final long maxUploadBytes;
    private final IngestScores ingest;
    private final ScopedData data;
    private final AuditLog audit;
    private final Path uploads;

    BatchController(IngestScores ingest, ScopedData data, AuditLog audit, Node node,
                    @io.micronaut.context.annotation.Value("${ita.uploads.max-bytes:536870912}") long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
        this.ingest = ingest;
        this.data = data;
        this.audit = audit;
        this.uploads = node.spoolDirectory();
    }

    /**
     * Loads a file (CSV, XLSX or JSON; long or wide layout) as one batch, sent as multipart/form-data in
     * the field {@code file}. 201 with the batch when new, 200 with the earlier batch when the same file
     * was loaded before (nothing changes), 422 when every row was rejected, 400 when the file cannot be
     * read at all. {@code format} and {@code encoding} may come as query parameters (checked before the
     * file is received) or as form fields. Who may load and into which tenant is checked before the body
     * is read: a refused upload is never written to disk.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<IngestResponse> upload(HttpRequest<?> request, Caller caller, @Nullable Language lang, @PathVariable String tenant,
                                        @Body InputStream body, @Nullable @QueryValue("format") String format,
                                        @Nullable @QueryValue("encoding") String encoding,
                                        @Nullable @QueryValue("similarNames") String similarNames) {
        ScopedData.Reads reads;
        try {
            reads = data.of(caller, tenant);
            reads.requireIngest();
            UploadOptions.format(format);
            UploadOptions.charset(encoding);
            UploadOptions.similarNames(similarNames);
        } catch (RuntimeException refused) {
            skip(body, maxUploadBytes);
            throw refused;
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse("");
        return receive(reads, body, contentType, request.getContentLength(), format, encoding, similarNames, fields -> { }, lang);
    }

    /**
     * Receives a multipart body streamed from its request and loads its field {@code file} as one batch:
     * a body declared larger than the limit is refused before it is read; {@code beforeFile} (then the
     * form's own {@code format}, {@code encoding} and {@code similarNames}) checks the fields that precede
     * the file before a byte of the file is written, and refuses by throwing. The API's uploads and the
     * dashboards' both come this way, after their caller's rights were checked.
     */
    HttpResponse<IngestResponse> receive(ScopedData.Reads reads, InputStream body, String contentType, long contentLength, @Nullable String format,
                                         @Nullable String encoding, @Nullable String similarNames,
                                         java.util.function.Consumer<java.util.Map<String, String>> beforeFile, @Nullable Language lang) {
        reads.requireIngest();
        if (contentLength > maxUploadBytes) {
            skip(body, Long.MAX_VALUE);
            throw ItaException.invalidInput(MultipartUpload.tooLarge(maxUploadBytes));
        }
        try {
            DataDirectory.ownerOnlyDirectory(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + uploads, e);
        }
        java.util.function.Consumer<java.util.Map<String, String>> checks = fields -> {
            beforeFile.accept(fields);
            UploadOptions.format(fields.getOrDefault("format", format));
            UploadOptions.charset(fields.getOrDefault("encoding", encoding));
            UploadOptions.similarNames(fields.getOrDefault("similarNames", similarNames));
        };
        MultipartUpload upload;
        try {
            upload = MultipartUpload.read(body, contentType, uploads, "file", maxUploadBytes, checks);
        } catch (RuntimeException refused) {
            skip(body, maxUploadBytes);
            throw refused;
        }
        try (upload) {
            Path file = upload.file().orElseThrow(() -> ItaException.invalidInput(Message.of("file.noFileField")));
            String fileName = upload.fileName();
            IngestOptions options = new IngestOptions(UploadOptions.format(upload.field("format").orElse(format)),
                    UploadOptions.charset(upload.field("encoding").orElse(encoding)), IngestOptions.DEFAULT_MAX_STORED_ERRORS,
                    UploadOptions.similarNames(upload.field("similarNames").orElse(similarNames)));
            return load(reads, file, fileName, options, lang);
        }
    }

    /**
     * Loads a received file as one batch, audited: 201 with the batch when new, 200 with the earlier
     * batch when the same file was loaded before, 422 when every row was rejected.
     */
    HttpResponse<IngestResponse> load(ScopedData.Reads reads, Path file, String fileName, IngestOptions options, @Nullable Language lang) {
        reads.requireIngest();
        IngestReport report;
        try {
            report = ingest.ingest(reads.tenant(), file, fileName, options, IngestProgress.NONE);
        } catch (ItaException e) {
            audit.record(reads.tenant(), reads.caller().username(), "INGEST_FAILED", Message.of("audit.target.file", "file", fileName),
                    e.code() == ErrorCode.STORAGE_UNAVAILABLE ? Message.of("audit.detail.storeFailed")
                            : e.userMessage().orElse(Message.of("audit.detail.refusedWithCode", "code", e.code().name())));
            throw e;
        } catch (RuntimeException e) {
            audit.record(reads.tenant(), reads.caller().username(), "INGEST_FAILED", Message.of("audit.target.file", "file", fileName), Message.of("audit.detail.platformFault"));
            throw e;
        }
        audit.record(reads.tenant(), reads.caller().username(), report.alreadyLoaded() ? "INGEST_REPEATED" : "INGEST",
                Message.of("audit.target.batch", "id", report.batch().id()), Message.of("audit.detail.ingest", "file", fileName,
                        "status", Message.of("batch.status." + report.batch().status().name()), "accepted", report.batch().scoresAccepted(),
                        "rejected", report.batch().rowsRejected()));
        IngestResponse response = new IngestResponse(BatchView.of(report.batch(), lang), report.alreadyLoaded(),
                report.firstErrors().stream().map(error -> RowErrorView.of(error, lang)).toList());
        HttpStatus status = report.alreadyLoaded() ? HttpStatus.OK
                : report.batch().status() == BatchStatus.PUBLISHED ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.<IngestResponse>status(status).body(response);
    }

    /** Reads a refused upload's body to nowhere, so that the client gets the answer on a connection it can reuse. */
    void skip(InputStream body) {
        skip(body, maxUploadBytes);
    }

    private static void skip(InputStream body, long maxUploadBytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int read;
            while ((read = body.read(buffer)) > 0 && (total += read) <= maxUploadBytes) {
                // discarded
            }
        } catch (IOException ignored) {
            // The client went away: nothing to answer.
        }
    }

    /** Newest first. */
    @Get
    List<BatchView> list(Caller caller, @Nullable Language lang, @PathVariable String tenant, @QueryValue(defaultValue = "50") int limit) {
        return data.of(caller, tenant).batches(Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(batch -> BatchView.of(batch, lang)).toList();
    }

    @Get("/{id}")
    BatchView batch(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id) {
        return BatchView.of(data.of(caller, tenant).batch(id), lang);
    }

    /** Row errors in file order, a page at a time. */
    @Get("/{id}/errors")
    List<RowErrorView> errors(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id,
                              @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        return data.of(caller, tenant).errors(id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(error -> RowErrorView.of(error, lang)).toList();
    }

    /** Data-quality findings of a batch, a page at a time. */
    @Get("/{id}/findings")
    List<FindingView> findings(Caller caller, @Nullable Language lang, @PathVariable String tenant, @PathVariable long id,
                               @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
        return data.of(caller, tenant).findings(id, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(finding -> FindingView.of(finding, lang)).toList();
    }
}
