package th.ita.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RenderPoolTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.ofHours(7));

    private static RenderPool pool(int threads, int queue, long cacheBytes) {
        return new RenderPool(threads, queue, cacheBytes, CLOCK, new RenderPool.Duration(10, TimeUnit.SECONDS));
    }

    private static Supplier<RenderedChart> drawing(String etag, int size, AtomicInteger count, CountDownLatch hold) {
        return () -> {
            count.incrementAndGet();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RenderedChart(new byte[size], "image/png", etag);
        };
    }

    @Test
    void drawsAChartOnceAndAnswersTheNextRequestFromTheCache() {
        try (RenderPool pool = pool(1, 1, 1_000)) {
            AtomicInteger drawn = new AtomicInteger();
            CountDownLatch open = new CountDownLatch(0);

            pool.render("\"a\"", drawing("\"a\"", 10, drawn, open));
            pool.render("\"a\"", drawing("\"a\"", 10, drawn, open));

            assertThat(drawn).hasValue(1);
            assertThat(pool.renders()).isEqualTo(1);
            assertThat(pool.cached("\"a\"")).isPresent();
        }
    }

    @Test
    void refusesADrawingBeyondTheQueueInsteadOfWaitingForIt() throws Exception {
        try (RenderPool pool = pool(1, 1, 1_000)) {
            AtomicInteger drawn = new AtomicInteger();
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<RenderedChart> running = CompletableFuture.supplyAsync(() -> pool.render("\"1\"", drawing("\"1\"", 10, drawn, hold)));
            while (drawn.get() == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<RenderedChart> queued = CompletableFuture.supplyAsync(() -> pool.render("\"2\"", drawing("\"2\"", 10, drawn, hold)));
            Thread.sleep(100);

            assertThatThrownBy(() -> pool.render("\"3\"", drawing("\"3\"", 10, drawn, hold)))
                    .isInstanceOfSatisfying(RenderPool.Busy.class, busy -> assertThat(busy.retryAfterSeconds()).isBetween(1, 30));
            hold.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).etag()).isEqualTo("\"1\"");
            assertThat(queued.get(10, TimeUnit.SECONDS).etag()).isEqualTo("\"2\"");
            assertThat(pool.refused()).isEqualTo(1);
        }
    }

    @Test
    void admitsAsManyRequestsAsThreadsAndQueuePlacesAndRefusesTheNextBeforeItsWork() {
        try (RenderPool pool = pool(2, 1, 1_000)) {
            RenderPool.Admission first = pool.admit();
            RenderPool.Admission second = pool.admit();
            RenderPool.Admission third = pool.admit();

            assertThatThrownBy(pool::admit).isInstanceOf(RenderPool.Busy.class);
            first.close();
            first.close();
            pool.admit();
            assertThatThrownBy(pool::admit).isInstanceOf(RenderPool.Busy.class);
            second.close();
            third.close();
            assertThat(pool.refused()).isEqualTo(2);
        }
    }

    @Test
    void drawsOnceForRequestsOfTheSameChartThatArriveTogether() throws Exception {
        try (RenderPool pool = pool(2, 8, 1_000)) {
            AtomicInteger drawn = new AtomicInteger();
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<RenderedChart> first = CompletableFuture.supplyAsync(() -> pool.render("\"same\"", drawing("\"same\"", 10, drawn, hold)));
            while (drawn.get() == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<RenderedChart> second = CompletableFuture.supplyAsync(() -> pool.render("\"same\"", drawing("\"same\"", 10, drawn, hold)));
            Thread.sleep(100);
            hold.countDown();

            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(drawn).hasValue(1);
        }
    }

    @Test
    void forgetsTheLeastRecentlyUsedDrawingsBeyondItsBytes() {
        try (RenderPool pool = pool(1, 1, 25)) {
            AtomicInteger drawn = new AtomicInteger();
            CountDownLatch open = new CountDownLatch(0);
            pool.render("\"a\"", drawing("\"a\"", 10, drawn, open));
            pool.render("\"b\"", drawing("\"b\"", 10, drawn, open));
            pool.cached("\"a\"");
            pool.render("\"c\"", drawing("\"c\"", 10, drawn, open));

            assertThat(pool.cached("\"a\"")).isPresent();
            assertThat(pool.cached("\"b\"")).isEmpty();
            assertThat(pool.cached("\"c\"")).isPresent();
        }
    }

    @Test
    void printsTodayInTheServersZoneOnTheCharts() {
        try (RenderPool pool = pool(1, 1, 0)) {
            assertThat(pool.today().drawnOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 22));
        }
    }
}
