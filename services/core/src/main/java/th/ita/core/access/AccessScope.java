package th.ita.core.access;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;

/**
 * What one caller may read and do: every access rule of the platform, each a named policy, and the
 * one place data reads and endpoints ask. Organizations (and provinces) outside the scope do not exist
 * for the caller: they read as not found, never as forbidden, so ids of other tenants or provinces
 * reveal nothing. A known thing the role may not use is forbidden. The {@code require…} forms raise the
 * platform's error with a message from the catalog.
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

    /** The scope of whoever runs the platform itself (the command line): a tenant admin's, peers' detail included. */
    public static AccessScope platformOperator(TenantId tenant) {
        return new AccessScope(tenant, "command-line", Role.TENANT_ADMIN, Set.of(), null, true);
    }

    /** Whether the tenant named in a path is the caller's: any other tenant does not exist for them. */
    public boolean isOwnTenant(String tenantInPath) {
        return tenant.value().equals(tenantInPath);
    }

    /** Whether the organization exists for this caller at all (its name, total, level and rank). */
    public boolean canSee(Organization organization) {
        if (!organization.tenant().equals(tenant)) {
            return false;
        }
        return role != Role.PROVINCE_OFFICER || provinceCodes.contains(organization.provinceCode());
    }

    /** Whether a province exists for the caller: every province, except outside a province officer's own. */
    public boolean canSeeProvince(String provinceCode) {
        return role != Role.PROVINCE_OFFICER || provinceCodes.contains(provinceCode);
    }

    /** Whether the caller may read the organization's tool, indicator and item scores and findings. */
    public boolean canSeeDetailOf(Organization organization) {
        if (!canSee(organization)) {
            return false;
        }
        return role != Role.ORGANIZATION_USER || organization.id() == organizationId || peerDetailPublished;
    }

    /**
     * Whether the caller may read one metric of an organization: the total (with the level, what ITA
     * publishes) of every organization they see; anything below the total only with its detail.
     */
    public boolean canReadMetricOf(Organization organization, String metricCode) {
        return Metric.TOTAL.equals(metricCode) ? canSee(organization) : canSeeDetailOf(organization);
    }

    /**
     * Whether the caller sees the detail of every organization they see: what spans peers' indicators
     * (which organizations are weak in what, distributions and heatmaps of indicators). Not for an
     * organization user, unless the tenant publishes peers' detail.
     */
    public boolean canSeePeersDetail() {
        return role != Role.ORGANIZATION_USER || peerDetailPublished;
    }

    /**
     * Whether the caller may compare peers on a metric (rankings, summaries, movers, charts of a group):
     * on the total always; below the total only with peers' detail, since a ranking on an indicator shows
     * every peer's indicator score.
     */
    public boolean canComparePeersOn(String metricCode) {
        return Metric.TOTAL.equals(metricCode) || canSeePeersDetail();
    }

    /**
     * Statistical disclosure control: whether the caller may read statistics (median, mean, quartiles)
     * below the total of a group of {@code groupSize} organizations. A median of two is their mean, so
     * with the caller's own score it gives the other's exactly; public statistics offices withhold cells
     * of fewer than a few units. Whoever sees every member's detail anyway loses nothing by seeing them.
     */
    public boolean canSeeStatisticsOfGroup(int groupSize, int minimumGroupSize) {
        return canSeePeersDetail() || groupSize >= minimumGroupSize;
    }

    /** Whether the caller may see how a change of the organization's total splits by tool (it gives each tool's change). */
    public boolean canSeeToolContributionsOf(Organization organization) {
        return canSeeDetailOf(organization);
    }

    public boolean canIngest() {
        return role == Role.TENANT_ADMIN;
    }

    /** Batches, their row errors and findings span every organization of a file: tenant admins and analysts. */
    public boolean canReadBatches() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST;
    }

    /**
     * Exports of data and charts: analysts, tenant admins, and province officers — whose reads, and so
     * their exports, cover their own provinces only.
     */
    public boolean canExport() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST || role == Role.PROVINCE_OFFICER;
    }

    /**
     * Exports of one organization's own detail (its analysis report, its follow-up report, its figures by year):
     * whoever may export, within what they see, and an organization user for their own organization — the
     * yearly report is theirs to write. Rows of several organizations are {@link #canExport()}'s.
     */
    public boolean canExportDetailOf(Organization organization) {
        return canSeeDetailOf(organization) && (canExport() || role == Role.ORGANIZATION_USER && organization.id() == organizationId);
    }

    /** Users, tokens and the audit log: tenant admins. */
    public boolean canAdminister() {
        return role == Role.TENANT_ADMIN;
    }

    /** A saved peer group is deleted by its creator or a tenant admin. */
    public boolean canDeleteGroupCreatedBy(String creator) {
        return username.equals(creator) || role == Role.TENANT_ADMIN;
    }

    public void requireOwnTenant(String tenantInPath) {
        if (!isOwnTenant(tenantInPath)) {
            throw ItaException.notFound(Message.of("problem.tenantNotFound", "tenant", tenantInPath));
        }
    }

    public void requireProvince(String provinceCode) {
        if (!canSeeProvince(provinceCode)) {
            throw ItaException.notFound(Message.of("problem.provinceNotFound", "province", provinceCode));
        }
    }

    public void requireDetailOf(Organization organization) {
        if (!canSeeDetailOf(organization)) {
            throw forbidden(Message.of("problem.detailNotPublished", "organization", organization.fullNameTh()));
        }
    }

    public void requireMetricOf(Organization organization, String metricCode) {
        if (!canReadMetricOf(organization, metricCode)) {
            throw forbidden(Message.of("problem.detailNotPublished", "organization", organization.fullNameTh()));
        }
    }

    public void requirePeersDetail() {
        if (!canSeePeersDetail()) {
            throw forbidden(Message.of("problem.peerDetailNotPublished"));
        }
    }

    public void requireComparisonOn(String metricCode) {
        if (!canComparePeersOn(metricCode)) {
            throw forbidden(Message.of("problem.peerComparisonNotPublished", "metric", metricCode));
        }
    }

    public void requireIngest() {
        if (!canIngest()) {
            throw forbidden(Message.of("problem.ingestAdminOnly"));
        }
    }

    public void requireBatches() {
        if (!canReadBatches()) {
            throw forbidden(Message.of("problem.batchesForbidden"));
        }
    }

    public void requireExport() {
        if (!canExport()) {
            throw forbidden(Message.of("problem.exportForbidden"));
        }
    }

    public void requireExportOf(Organization organization) {
        requireDetailOf(organization);
        if (!canExportDetailOf(organization)) {
            throw forbidden(Message.of("problem.exportForbidden"));
        }
    }

    public void requireAdministration() {
        if (!canAdminister()) {
            throw forbidden(Message.of("problem.administrationAdminOnly"));
        }
    }

    public void requireGroupDeletion(String creator) {
        if (!canDeleteGroupCreatedBy(creator)) {
            throw forbidden(Message.of("problem.groupDeleteForbidden"));
        }
    }

    private static ItaException forbidden(Message message) {
        return new ItaException(ErrorCode.FORBIDDEN, message);
    }
}
