package th.ita.core.group;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/** A custom peer group a user saved: a name and a fixed set of organizations (its members). */
public record SavedPeerGroup(long id, TenantId tenant, String name, String createdBy, Instant createdAt) {
    public SavedPeerGroup {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
