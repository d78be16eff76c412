package th.ita.core.batch;

import java.util.List;
import java.util.Map;
import th.ita.core.tenant.TenantId;

/**
 * Which published batch is the current source of each org-year, as the batch catalog decided it
 * (port). A fact store that keeps its facts apart from the catalog (ClickHouse) reads the facts of
 * exactly these batches, so it can never show a batch the catalog has not published.
 */
public interface CurrentSources {
    /** The tenant's org-years of one year: organization id → id of the batch that is their source. */
    Map<Long, Long> ofYear(TenantId tenant, int year);

    /** One organization's org-years: year → id of the batch that is their source. */
    Map<Integer, Long> ofOrganization(TenantId tenant, long organizationId);

    /** Every published batch that covered an org-year, oldest first (how replaced values are traced). */
    List<Long> publishedCovering(TenantId tenant, long organizationId, int year);
}
