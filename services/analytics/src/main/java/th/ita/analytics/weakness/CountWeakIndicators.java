package th.ita.analytics.weakness;

import java.util.ArrayList;
import java.util.List;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;

/**
 * For each indicator of a year, which organizations of a group score below the weakness threshold
 * (default 85, the national target) in it (use case): what a province works on first. Indicators come
 * from the year's framework, in its order.
 */
public final class CountWeakIndicators {
    private final double threshold;

    public CountWeakIndicators(double threshold) {
        this.threshold = threshold;
    }

    /**
     * One indicator: {@code weakOrganizationIds} score below the threshold, by id in the group's order;
     * {@code scoredCount} members have a score at all.
     */
    public record WeakIndicator(Indicator indicator, int scoredCount, List<Long> weakOrganizationIds) {
        public WeakIndicator {
            weakOrganizationIds = List.copyOf(weakOrganizationIds);
        }

        public int weakCount() {
            return weakOrganizationIds.size();
        }
    }

    /** Empty when the table has no scores in the year. */
    public List<WeakIndicator> count(ScoreTable table, int year, int[] members) {
        Framework framework = table.framework(year).orElse(null);
        if (framework == null) {
            return List.of();
        }
        List<WeakIndicator> result = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            double[] column = table.column(year, indicator.code()).orElseThrow();
            List<Long> weak = new ArrayList<>();
            int scored = 0;
            for (int member : members) {
                if (!Double.isNaN(column[member])) {
                    scored++;
                    if (column[member] < threshold) {
                        weak.add(table.organization(member).id());
                    }
                }
            }
            result.add(new WeakIndicator(indicator, scored, weak));
        }
        return result;
    }
}
