package th.ita.app.access;

import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import th.ita.core.tenant.TenantId;

/** Sign-ins, ingests, exports and administrative changes, per tenant, newest first. */
@Singleton
public class AuditLog {
    private final AccessRepositories.AuditEventRepository events;

    AuditLog(AccessRepositories.AuditEventRepository events) {
        this.events = events;
    }

    public void record(TenantId tenant, String actor, String action, String target, String detail) {
        events.save(new AuditEventEntity(null, tenant.value(), Instant.now(), truncate(actor, 100), action, truncate(target, 300), truncate(detail, 2000)));
    }

    public List<AuditEvent> recent(TenantId tenant, int limit) {
        return events.findByTenantIdOrderByIdDesc(tenant.value(), Pageable.from(0, limit)).stream()
                .map(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.action(), e.target(), e.detail())).toList();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** One audited event. */
    @Serdeable
    public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {
    }
}
