package th.ita.core.score;

import java.util.List;
import th.ita.core.tenant.TenantId;

/** What each published batch said about an org-year (port): how replaced values are traced. */
public interface ScoreHistory {
    /** Every stored value of an org-year for a metric, from every published batch, oldest first. */
    List<HistoricalScore> of(TenantId tenant, long organizationId, int year, String metric);

    /** A value of an org-year as one batch had it; {@code current}: that batch is the org-year's source now. */
    record HistoricalScore(long batchId, double value, Provenance provenance, boolean current) {
    }
}
