package th.ita.core.testing;

import java.util.List;
import th.ita.core.score.CurrentScores;
import th.ita.core.tenant.TenantId;

/** Counts tests assert on, computed through the read port (counting is no business of the ports). */
public final class StoreCounts {
    private StoreCounts() {
    }

    /** Current facts of a tenant over the given years. */
    public static long currentScores(CurrentScores scores, TenantId tenant, Iterable<Integer> years) {
        long count = 0;
        for (int year : years) {
            count += scores.ofYear(tenant, year, List.of()).size();
        }
        return count;
    }
}
