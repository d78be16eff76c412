package th.ita.core.audit;

import th.ita.core.access.Role;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * Codes an audit entry names (a chart's kind, a user's role) as catalog messages, so the log reads in its
 * reader's language. Their English labels are the codes themselves: the English text stored beside every entry
 * stays what scripts matched before. A code the catalog does not know (a kind from a request) stays as it came.
 */
public final class AuditLabels {
    private AuditLabels() {
    }

    /** {@code ranking}, {@code trend}, … as a label; an unknown kind as given. */
    public static Object chartKind(String kind) {
        if (kind == null) {
            return "";
        }
        String key = "audit.chartKind." + kind;
        return Messages.standard().has(key) ? Message.of(key) : kind;
    }

    /** A role as a label; a role without one (added later) as its code. */
    public static Object role(Role role) {
        String key = "audit.role." + role.name();
        return Messages.standard().has(key) ? Message.of(key) : role.name();
    }
}
