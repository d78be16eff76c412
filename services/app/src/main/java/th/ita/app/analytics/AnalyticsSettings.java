package th.ita.app.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import th.ita.analytics.ranking.RankGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.weakness.CountWeakIndicators;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.weakness.FindWeaknesses;

/**
 * The analytics thresholds of an installation ({@code ita.analytics.*}): the margin below which ranks
 * are too close to call, the weakness threshold, the strength level (a strength is above it), the margin
 * below the peer median, and the basis of ranks, summaries and levels where a reported and a derived figure
 * differ: {@code basis} for every tenant (default {@code reported}, the published figures, as NACC ranks),
 * {@code tenant-basis.<tenant>} for one tenant ({@code reported} or {@code derived}); and the smallest group
 * whose statistics below the total are shown to callers who may not see its members' detail (statistical
 * disclosure control).
 */
@ConfigurationProperties("ita.analytics")
public record AnalyticsSettings(
        @Bindable(defaultValue = "0.5") double closeCallMargin,
        @Bindable(defaultValue = "85") double weaknessThreshold,
        @Bindable(defaultValue = "90") double strengthLevel,
        @Bindable(defaultValue = "5") double belowMedianMargin,
        @Bindable(defaultValue = "5") int minimumGroupSize,
        @Bindable(defaultValue = "reported") String basis,
        @io.micronaut.core.annotation.Nullable java.util.Map<String, String> tenantBasis) {

    /** The basis of one tenant's analytics. */
    public ScoreTable.Basis basisOf(th.ita.core.tenant.TenantId tenant) {
        String chosen = tenantBasis == null ? null : tenantBasis.get(tenant.value());
        return ScoreTable.Basis.parse(chosen == null ? basis : chosen);
    }

    public RankPeers rankPeers() {
        return new RankPeers(closeCallMargin);
    }

    public RankGroup rankGroup() {
        return new RankGroup(closeCallMargin);
    }

    public FindWeaknesses findWeaknesses() {
        return new FindWeaknesses(new FindWeaknesses.Settings(weaknessThreshold, strengthLevel, belowMedianMargin));
    }

    public CountWeakIndicators countWeakIndicators() {
        return new CountWeakIndicators(weaknessThreshold);
    }
}
