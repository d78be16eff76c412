package th.ita.app.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import th.ita.analytics.ranking.RankGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.analytics.weakness.CountWeakIndicators;
import th.ita.analytics.weakness.FindWeaknesses;

/**
 * The analytics thresholds of an installation ({@code ita.analytics.*}): the margin below which ranks
 * are too close to call, the weakness threshold, the strength level and the margin below the peer median;
 * and the smallest group whose statistics below the total are shown to callers who may not see its
 * members' detail (statistical disclosure control).
 */
@ConfigurationProperties("ita.analytics")
public record AnalyticsSettings(
        @Bindable(defaultValue = "0.5") double closeCallMargin,
        @Bindable(defaultValue = "85") double weaknessThreshold,
        @Bindable(defaultValue = "90") double strengthLevel,
        @Bindable(defaultValue = "5") double belowMedianMargin,
        @Bindable(defaultValue = "5") int minimumGroupSize) {

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
