package th.ita.core.access;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;

/**
 * What one caller may read and do: the policy every data read goes through. Organizations outside
 * the scope do not exist for the caller (they read as not found, never as forbidden, so ids of other
 * tenants or provinces reveal nothing).
 *
 * @param provinceCodes the provinces of a province officer (empty for other roles)
 * @param organizationId the organization of an organization user (null for other roles)
 * @param peerDetailPublished whether the tenant publishes indicator and item detail of every organization to organization users
 */
public record AccessScope(TenantId tenant, String username, Role role, Set<String> provinceCodes, Long organizationId,
                          boolean peerDetailPublished) {

    public AccessScope {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(username, "username is null");
        requireNonNull(role, "role is null");
        provinceCodes = Set.copyOf(provinceCodes);
        if (role == Role.PROVINCE_OFFICER && provinceCodes.isEmpty()) {
            throw new IllegalArgumentException("a province officer needs at least one province");
        }
        if (role == Role.ORGANIZATION_USER && organizationId == null) {
            throw new IllegalArgumentException("an organization user needs an organization");
        }
    }

    /** Whether the organization exists for this caller at all (its name, total, level and rank). */
    public boolean canSee(Organization organization) {
        if (!organization.tenant().equals(tenant)) {
            return false;
        }
        return role != Role.PROVINCE_OFFICER || provinceCodes.contains(organization.provinceCode());
    }

    /** Whether the caller may read the organization's tool, indicator and item scores and findings. */
    public boolean canSeeDetailOf(Organization organization) {
        if (!canSee(organization)) {
            return false;
        }
        return role != Role.ORGANIZATION_USER || organization.id() == organizationId || peerDetailPublished;
    }

    public boolean canIngest() {
        return role == Role.TENANT_ADMIN;
    }

    /** Batches, their row errors and findings span every organization of a file. */
    public boolean canReadBatches() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST;
    }

    /** Exports of data and charts: analysts and tenant admins. */
    public boolean canExport() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST;
    }

    public boolean canAdminister() {
        return role == Role.TENANT_ADMIN;
    }
}
