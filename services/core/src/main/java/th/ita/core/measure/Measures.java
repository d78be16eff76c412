package th.ita.core.measure;

import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** The measures of each tenant's organizations (port). Every read is within one tenant. */
public interface Measures {
    /** An organization's measures of a fiscal year, in the order they were recorded. */
    List<Measure> of(TenantId tenant, long organizationId, int fiscalYear);

    /** Every measure of a fiscal year in the tenant, in the order they were recorded. */
    List<Measure> ofYear(TenantId tenant, int fiscalYear);

    Optional<Measure> find(TenantId tenant, long organizationId, long id);

    /** Whether the organization has any measure for the fiscal year. */
    boolean any(TenantId tenant, long organizationId, int fiscalYear);

    /** Stores new measures (ids null), all or none; returns them with their ids. */
    List<Measure> add(List<Measure> measures);

    /** Replaces a stored measure (same tenant, organization and id). */
    Measure update(Measure measure);

    /** Deletes a measure of the organization; false when there was none. */
    boolean delete(TenantId tenant, long organizationId, long id);
}
