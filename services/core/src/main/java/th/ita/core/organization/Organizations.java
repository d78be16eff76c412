package th.ita.core.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** The organizations of each tenant (port). */
public interface Organizations {
    /** Every organization of the tenant, aliases included. */
    List<Organization> all(TenantId tenant);

    Optional<Organization> byCode(TenantId tenant, String code);

    Optional<Organization> byId(TenantId tenant, long id);

    /** Registers organizations in one transaction: all or none. Codes must be new to the tenant. */
    List<Organization> register(TenantId tenant, Collection<NewOrganization> organizations);

    /** Adds spellings that files used for an organization (ignored when already known). */
    void addAliases(TenantId tenant, long organizationId, Collection<String> aliases);

    long count(TenantId tenant);
}
