package th.ita.app.chart;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code ita.charts.rate-limit.*}: how many drawings a caller may ask for (see {@link ChartRateLimit}).
 *
 * @param enabled      false lets every caller ask as fast as it likes (the render pool's queue still bounds drawing)
 * @param perSecond    drawings a caller earns back a second (2: a dashboard user opening a page of four charts every two seconds)
 * @param burst        drawings a caller may ask for at once (40: an analyst downloading a few dozen charts in a row, or ten
 *                     province pages of four charts)
 * @param callers      callers remembered at once, each in its own bucket (a few hundred bytes each)
 * @param cachedCost   what a chart answered without drawing (304 Not Modified, or from the cache of drawings) costs in the end
 * @param documentCost what an analysis draft or a pack costs (each draws several charts)
 */
@ConfigurationProperties("ita.charts.rate-limit")
public record ChartRateLimitSettings(@Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "2") double perSecond,
                                     @Bindable(defaultValue = "40") double burst, @Bindable(defaultValue = "10000") int callers,
                                     @Bindable(defaultValue = "0.25") double cachedCost, @Bindable(defaultValue = "4") double documentCost) {
    public ChartRateLimitSettings {
        if (!(cachedCost >= 0 && cachedCost <= 1) || !(documentCost >= 1)) {
            throw new IllegalArgumentException("ita.charts.rate-limit: cached-cost within 0–1 and document-cost at least 1, not "
                    + cachedCost + " and " + documentCost);
        }
    }
}
