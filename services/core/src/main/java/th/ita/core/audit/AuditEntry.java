package th.ita.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/** One audited event: who ({@code actor}) did what ({@code action}, a stable code) to what ({@code target}), and how. */
public record AuditEntry(long id, TenantId tenant, Instant at, String actor, String action, String target, String detail) {
    public AuditEntry {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        requireNonNull(target, "target is null");
        requireNonNull(detail, "detail is null");
    }
}
