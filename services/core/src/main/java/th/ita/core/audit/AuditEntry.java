package th.ita.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.message.Language;
import th.ita.core.tenant.TenantId;

/**
 * One audited event: who ({@code actor}) did what ({@code action}, a stable code) to what ({@code target}), and how
 * ({@code detail}). Target and detail are catalog messages, read in the reader's language; events recorded before
 * they were (and so without a message) keep their English text, which is also stored beside every message.
 */
public record AuditEntry(long id, TenantId tenant, Instant at, String actor, String action, String target, String detail,
                         Message targetMessage, Message detailMessage) {
    public AuditEntry {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        requireNonNull(target, "target is null");
        requireNonNull(detail, "detail is null");
    }

    /** An event as recorded now: its English texts rendered from its messages. */
    public static AuditEntry of(TenantId tenant, Instant at, String actor, String action, Message target, Message detail) {
        return new AuditEntry(0, tenant, at, actor, action, Messages.standard().render(target, Language.EN),
                Messages.standard().render(detail, Language.EN), target, detail);
    }

    /** The target in {@code language}; as stored for an event recorded without a message. */
    public String targetIn(Language language) {
        return targetMessage == null ? target : Messages.standard().render(targetMessage, language);
    }

    /** The detail in {@code language}; as stored for an event recorded without a message. */
    public String detailIn(Language language) {
        return detailMessage == null ? detail : Messages.standard().render(detailMessage, language);
    }
}
