package th.ita.app.audit;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import th.ita.core.audit.AuditEntry;
import th.ita.core.audit.AuditTrail;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.tenant.TenantId;

/** Sign-ins, ingests, exports and administrative changes, per tenant, newest first. */
@Singleton
public class AuditLog {
    private final AuditTrail trail;

    AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    /** Records an event; {@code target} and {@code detail} are catalog messages ({@code audit.target.*}, {@code audit.detail.*}). */
    public void record(TenantId tenant, String actor, String action, Message target, Message detail) {
        trail.append(AuditEntry.of(tenant, Instant.now(), actor, action, target, detail));
    }

    /** The newest events, each action's label in {@code language} beside its stable code. */
    public List<AuditEvent> recent(TenantId tenant, int limit, Language language) {
        return trail.recent(tenant, limit).stream()
                .map(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.action(), actionText(e.action(), language), e.target(), e.targetIn(language),
                        e.detail(), e.detailIn(language))).toList();
    }

    /** The label of an action code (catalog {@code audit.action.*}); a code without one reads as itself. */
    public static String actionText(String action, Language language) {
        String key = "audit.action." + action;
        return Messages.standard().has(key) ? Messages.standard().render(key, language) : action;
    }

    /**
     * One audited event: {@code action} is the stable code, {@code actionText} its label in the reader's language;
     * {@code target} and {@code detail} in English as recorded (stable for scripts), {@code targetText} and
     * {@code detailText} in the reader's language.
     */
    @Serdeable
    public record AuditEvent(long id, Instant at, String actor, String action, String actionText, String target, String targetText, String detail,
                             String detailText) {
    }
}
