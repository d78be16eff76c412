package th.ita.app;

import th.ita.core.error.ItaException;
import th.ita.core.tenant.TenantId;

/** The tenant named in a request path; a malformed id reads as a tenant that does not exist. */
public final class TenantPath {
    private TenantPath() {
    }

    public static TenantId parse(String tenant) {
        try {
            return TenantId.of(tenant);
        } catch (IllegalArgumentException e) {
            throw ItaException.notFound("tenant '" + tenant + "' not found");
        }
    }
}
