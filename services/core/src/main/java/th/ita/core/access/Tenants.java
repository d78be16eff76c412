package th.ita.core.access;

import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** The tenants of the deployment (port). */
public interface Tenants {
    boolean exists(TenantId tenant);

    Optional<Tenant> find(TenantId tenant);

    void create(Tenant tenant);
}
