package th.ita.core.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/**
 * The organizations of each tenant (port). Organizations and aliases are registered under the batch
 * whose file named them and stay invisible until that batch is published, so a failed or interrupted
 * upload leaves none behind.
 */
public interface Organizations {
    /** Every visible organization of the tenant, aliases included. */
    List<Organization> all(TenantId tenant);

    Optional<Organization> byCode(TenantId tenant, String code);

    Optional<Organization> byId(TenantId tenant, long id);

    /**
     * Registers organizations under a LOADING batch, all or none; they become visible when the batch
     * is published and are forgotten when it fails. Codes must be new to the tenant.
     */
    List<Organization> register(TenantId tenant, long batchId, Collection<NewOrganization> organizations);

    /** Adds spellings a batch's file used for an organization (ignored when already known), visible with the batch. */
    void addAliases(TenantId tenant, long batchId, long organizationId, Collection<String> aliases);

    long count(TenantId tenant);
}
