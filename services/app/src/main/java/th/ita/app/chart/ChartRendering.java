package th.ita.app.chart;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import th.ita.charts.RenderPool;

/**
 * The one pool charts are drawn on: threads = the cores (ita.charts.render-threads), a bounded queue
 * (ita.charts.render-queue, 4 per thread) past which requests are answered 503 with Retry-After, and
 * a cache of drawings (ita.charts.cache-megabytes, 64).
 */
@Factory
class ChartRendering {
    @Singleton
    @Bean(preDestroy = "close")
    RenderPool renderPool(@Value("${ita.charts.render-threads:0}") int threads, @Value("${ita.charts.render-queue:-1}") int queue,
                          @Value("${ita.charts.cache-megabytes:64}") int cacheMegabytes, @Value("${ita.charts.wait-seconds:30}") int waitSeconds) {
        int pool = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new RenderPool(pool, queue >= 0 ? queue : 4 * pool, cacheMegabytes * 1024L * 1024L, Clock.system(ZoneId.of("Asia/Bangkok")),
                new RenderPool.Duration(waitSeconds, TimeUnit.SECONDS));
    }
}
