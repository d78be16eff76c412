package th.ita.app.export;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.function.Function;
import java.util.function.Supplier;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.Organization;

/**
 * The one export policy of every route that hands data out as a file (CSV, XLSX, DOCX, PDF, ZIP, chart data):
 * who may export what ({@link th.ita.core.access.AccessScope#canExport} for rows of several organizations,
 * {@link th.ita.core.access.AccessScope#canExportDetailOf} for one organization's own detail), and the audit:
 * every export that succeeds is recorded as {@code EXPORT} with what it held, a refused one as
 * {@code EXPORT_REFUSED} and one that failed as {@code EXPORT_FAILED}, with the error's code — never as an export.
 */
@Singleton
public class ExportPolicy {
    public static final String EXPORTED = "EXPORT";
    public static final String REFUSED = "EXPORT_REFUSED";
    public static final String FAILED = "EXPORT_FAILED";

    private final AuditLog audit;

    ExportPolicy(AuditLog audit) {
        this.audit = audit;
    }

    /** Rows of several organizations (a province's table, peers, summaries, a chart's data). */
    public <T> T ofGroup(ScopedData.Reads reads, String target, String detail, Supplier<T> produce) {
        return ofGroup(reads, target, detail, produce, ExportPolicy::sizeOf);
    }

    /** As {@link #ofGroup(ScopedData.Reads, String, String, Supplier)}; {@code outcome} adds what the export held to the audit. */
    public <T> T ofGroup(ScopedData.Reads reads, String target, String detail, Supplier<T> produce, Function<? super T, String> outcome) {
        return audited(reads, target, detail, () -> {
            reads.requireExport();
            return produce.get();
        }, outcome);
    }

    /** One organization's own detail (its report, its figures by year): its users may export it too. */
    public <T> T ofOrganization(ScopedData.Reads reads, Organization organization, String target, String detail, Supplier<T> produce) {
        return audited(reads, target, detail, () -> {
            reads.requireExportOf(organization);
            return produce.get();
        }, ExportPolicy::sizeOf);
    }

    private <T> T audited(ScopedData.Reads reads, String target, String detail, Supplier<T> produce, Function<? super T, String> outcome) {
        String user = reads.caller().username();
        T result;
        try {
            result = produce.get();
        } catch (ItaException e) {
            audit.record(reads.tenant(), user, e.code() == ErrorCode.FORBIDDEN ? REFUSED : FAILED, target, detail + " (" + e.code() + ")");
            throw e;
        } catch (RuntimeException | Error e) {
            audit.record(reads.tenant(), user, FAILED, target, detail + " (" + e.getClass().getSimpleName() + ")");
            throw e;
        }
        audit.record(reads.tenant(), user, EXPORTED, target, detail + outcome.apply(result));
        return result;
    }

    /** What the audit notes of the file handed out: its size in bytes where known. */
    private static String sizeOf(Object result) {
        Object body = result instanceof HttpResponse<?> response ? response.getBody().orElse(null) : result;
        return body instanceof byte[] bytes ? ", " + bytes.length + " bytes" : "";
    }
}
