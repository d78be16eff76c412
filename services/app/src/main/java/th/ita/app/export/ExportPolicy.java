package th.ita.app.export;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.function.Function;
import java.util.function.Supplier;
import th.ita.app.access.ScopedData;
import th.ita.app.audit.AuditLog;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
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

    /**
     * Rows of several organizations (a province's table, peers, summaries, a chart's data). {@code target} names what is
     * exported (a catalog message, {@code audit.target.*}); {@code parameters} how it was asked for, in codes and numbers
     * (year, metric, format), the same in every language.
     */
    public <T> T ofGroup(ScopedData.Reads reads, Message target, String parameters, Supplier<T> produce) {
        return ofGroup(reads, target, parameters, produce, ExportPolicy::sizeOf);
    }

    /** As {@link #ofGroup(ScopedData.Reads, Message, String, Supplier)}; {@code outcome} tells the audit what the export held. */
    public <T> T ofGroup(ScopedData.Reads reads, Message target, String parameters, Supplier<T> produce, Function<? super T, Message> outcome) {
        return audited(reads, target, parameters, () -> {
            reads.requireExport();
            return produce.get();
        }, outcome);
    }

    /** One organization's own detail (its report, its figures by year): its users may export it too. */
    public <T> T ofOrganization(ScopedData.Reads reads, Organization organization, Message target, String parameters, Supplier<T> produce) {
        return ofOrganization(reads, organization, target, parameters, produce, ExportPolicy::sizeOf);
    }

    /** As {@link #ofOrganization(ScopedData.Reads, Organization, Message, String, Supplier)}, with what the export held. */
    public <T> T ofOrganization(ScopedData.Reads reads, Organization organization, Message target, String parameters, Supplier<T> produce,
                                Function<? super T, Message> outcome) {
        return audited(reads, target, parameters, () -> {
            reads.requireExportOf(organization);
            return produce.get();
        }, outcome);
    }

    /**
     * The detail of an export: how it was asked for (codes and numbers, or a message), then what it held
     * ({@code audit.outcome.*}; null: nothing to add).
     */
    public static Message detail(Object parameters, Message outcome) {
        return outcome == null ? Message.of("audit.detail.asked", "parameters", parameters)
                : Message.of("audit.detail.export", "parameters", parameters, "outcome", outcome);
    }

    /** The detail of an export refused or failed: how it was asked for, and the error's code or status. */
    public static Message failure(Object parameters, Object code) {
        return Message.of("audit.detail.exportFailed", "parameters", parameters, "code", String.valueOf(code));
    }

    private <T> T audited(ScopedData.Reads reads, Message target, String parameters, Supplier<T> produce, Function<? super T, Message> outcome) {
        String user = reads.caller().username();
        T result;
        try {
            result = produce.get();
        } catch (ItaException e) {
            audit.record(reads.tenant(), user, e.code() == ErrorCode.FORBIDDEN ? REFUSED : FAILED, target, failure(parameters, e.code()));
            throw e;
        } catch (RuntimeException | Error e) {
            audit.record(reads.tenant(), user, FAILED, target, failure(parameters, e.getClass().getSimpleName()));
            throw e;
        }
        audit.record(reads.tenant(), user, EXPORTED, target, detail(parameters, outcome.apply(result)));
        return result;
    }

    /** What the audit notes of the file handed out: its size in bytes where known, else null. */
    public static Message sizeOf(Object result) {
        Object body = result instanceof HttpResponse<?> response ? response.getBody().orElse(null) : result;
        return body instanceof byte[] bytes ? Message.of("audit.outcome.bytes", "bytes", bytes.length) : null;
    }
}
