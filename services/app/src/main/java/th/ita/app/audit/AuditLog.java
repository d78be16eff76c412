package th.ita.app.audit;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import th.ita.core.audit.AuditEntry;
import th.ita.core.audit.AuditTrail;
import th.ita.core.tenant.TenantId;

/** Sign-ins, ingests, exports and administrative changes, per tenant, newest first. */
@Singleton
public class AuditLog {
    private final AuditTrail trail;

    AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    public void record(TenantId tenant, String actor, String action, String target, String detail) {
        trail.append(new AuditEntry(0, tenant, Instant.now(), actor, action, target, detail));
    }

    public List<AuditEvent> recent(TenantId tenant, int limit) {
        return trail.recent(tenant, limit).stream()
                .map(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.action(), e.target(), e.detail())).toList();
    }

    /** One audited event. */
    @Serdeable
    public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {
    }
}
