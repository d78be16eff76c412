package th.ita.core.score;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import th.ita.core.tenant.TenantId;

/** The current values of each tenant: those of the published batch that is the source of each org-year (port). */
public interface CurrentScores {
    /** Current facts of one organization, all years (reported and derived). */
    List<ScoreFact> ofOrganization(TenantId tenant, long organizationId);

    /** Current facts of every organization of the tenant for one year and the given metrics (all metrics when empty). */
    List<ScoreFact> ofYear(TenantId tenant, int year, Collection<String> metrics);

    /**
     * Every current fact of the tenant for one year, handed to {@code facts} a few at a time (an org-year's, or part of
     * one), in no particular order: what building a whole table reads, without ever holding a year's facts at once.
     */
    default void eachOfYear(TenantId tenant, int year, Consumer<List<ScoreFact>> facts) {
        facts.accept(ofYear(tenant, year, List.of()));
    }

    /** Findings of the org-years of one organization, from the batches currently their source. */
    List<DataQualityFinding> findingsOf(TenantId tenant, long organizationId);
}
