package th.ita.core.audit;

import java.util.List;
import th.ita.core.tenant.TenantId;

/** The audit log of every tenant, append-only (port). */
public interface AuditTrail {
    /** Appends an entry; the store assigns its id (the given one is ignored). */
    void append(AuditEntry entry);

    /** A tenant's entries, newest first. */
    List<AuditEntry> recent(TenantId tenant, int limit);
}
