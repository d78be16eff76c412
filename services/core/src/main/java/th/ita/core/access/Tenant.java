package th.ita.core.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/** A customer of the platform; {@code publishPeerDetail}: organization users see every organization's detail, not only their own. */
public record Tenant(TenantId id, String nameTh, String nameEn, boolean publishPeerDetail, Instant createdAt) {
    public Tenant {
        requireNonNull(id, "id is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
