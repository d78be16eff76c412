package th.ita.app.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.filter.ServerFilterPhase;
import th.ita.app.audit.AuditLog;
import th.ita.app.export.ExportPolicy;
import th.ita.core.message.Message;
import th.ita.core.tenant.TenantId;

/**
 * The export policy's audit for the web UI's downloads: a page that exports announces it ({@link #announce}) before
 * it checks the person's right and builds the file, and this filter records what came of it once the response is
 * known — {@code EXPORT} with its size for a file handed out, {@code EXPORT_REFUSED} for a 403, {@code EXPORT_FAILED}
 * with the status for anything else — exactly as {@link ExportPolicy} does for the API.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class DashboardExportAudit implements Ordered {
    private static final String ATTRIBUTE = "ita.export.announced";

    private final AuditLog audit;

    DashboardExportAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** An export under way in this request. */
    record Announced(TenantId tenant, String user, Message target, Message detail) {
    }

    /** Marks the current request as an export; its outcome is audited when the response is sent. */
    static void announce(Announced export) {
        HttpRequest<Object> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("an export outside of an HTTP request cannot be audited"));
        request.setAttribute(ATTRIBUTE, export);
    }

    @Override
    public int getOrder() {
        // Inside the security headers, outside everything else: the response is final here, errors included.
        return ServerFilterPhase.FIRST.after();
    }

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, Announced.class).ifPresent(export -> {
            int status = response.code();
            String action = status >= 200 && status < 300 ? ExportPolicy.EXPORTED
                    : status == HttpStatus.FORBIDDEN.getCode() ? ExportPolicy.REFUSED : ExportPolicy.FAILED;
            Message detail = action.equals(ExportPolicy.EXPORTED)
                    ? ExportPolicy.detail(export.detail(), ExportPolicy.sizeOf(response.getBody().orElse(null)))
                    : ExportPolicy.failure(export.detail(), status);
            audit.record(export.tenant(), export.user(), action, export.target(), detail);
        });
    }
}
