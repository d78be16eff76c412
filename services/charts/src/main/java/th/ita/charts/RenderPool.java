package th.ita.charts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws charts on a fixed pool of threads (as many as the cores, so drawing never takes more CPU than
 * the machine has) behind a bounded queue: past the queue a request is refused at once with
 * {@link Busy}, which callers answer 503 with Retry-After, instead of piling up threads until every
 * other request starves. Drawings are cached by ETag (a digest of the data, options and date, so a new
 * data version or other parameters never hit an old entry), up to a number of bytes, least recently
 * used first out; a drawing asked for again while it is being drawn is drawn once.
 */
public final class RenderPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final Clock clock;
    private final long cacheBytes;
    private final Duration wait;
    private final Map<String, RenderedChart> cache = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, CompletableFuture<RenderedChart>> drawing = new ConcurrentHashMap<>();
    private final java.util.concurrent.Semaphore admitted;
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private long cachedBytes;

    /** How long a caller waits for its drawing before giving up (the drawing still completes and is cached). */
    public record Duration(long amount, TimeUnit unit) {
    }

    /** Refused: the queue is full. {@code retryAfterSeconds}: when to ask again. */
    public static final class Busy extends RuntimeException {
        private final int retryAfterSeconds;

        Busy(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * @param threads    drawing threads (the cores)
     * @param queue      drawings that may wait for a thread; more are refused
     * @param cacheBytes bytes of drawings kept
     * @param clock      today's date for the charts, in the server's zone
     */
    public RenderPool(int threads, int queue, long cacheBytes, Clock clock, Duration wait) {
        if (threads < 1 || queue < 0 || cacheBytes < 0) {
            throw new IllegalArgumentException("threads ≥ 1, queue ≥ 0 and cache bytes ≥ 0, not " + threads + ", " + queue + ", " + cacheBytes);
        }
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), runnable -> {
            Thread thread = new Thread(runnable, "chart-render-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.admitted = new java.util.concurrent.Semaphore(threads + Math.max(1, queue));
        this.cacheBytes = cacheBytes;
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
        this.wait = java.util.Objects.requireNonNull(wait, "wait is null");
    }

    /** A place among the requests a chart may be worked on for; closing it frees the place. */
    public interface Admission extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits a chart request before any of its work (reading its data, computing its ETag) is done: as
     * many as there are threads and queue places at once, the others refused at once with {@link Busy},
     * so refused requests cost nothing but the refusal.
     */
    public Admission admit() {
        if (!admitted.tryAcquire()) {
            refused.incrementAndGet();
            throw new Busy("charts are busy: " + (executor.getMaximumPoolSize() + executor.getQueue().remainingCapacity() + executor.getQueue().size())
                    + " chart requests are under way; ask again shortly", retryAfter());
        }
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                admitted.release();
            }
        };
    }

    /** The drawer of today (the date printed on the charts, part of their ETag). */
    public DrawCharts today() {
        return new DrawCharts(LocalDate.now(clock));
    }

    /** A cached drawing by its ETag. */
    public synchronized java.util.Optional<RenderedChart> cached(String etag) {
        return java.util.Optional.ofNullable(cache.get(etag));
    }

    /** The drawing of the data: from the cache, from a drawing under way, or drawn on the pool. */
    public RenderedChart render(DrawCharts draw, ChartData data, ChartOptions options) {
        String etag = draw.etag(data, options);
        return render(etag, () -> draw.draw(data, options, etag));
    }

    /** The drawing of an ETag: from the cache, from a drawing of the same ETag under way, or {@code draw} run on the pool. */
    public RenderedChart render(String etag, java.util.function.Supplier<RenderedChart> draw) {
        java.util.Optional<RenderedChart> known = cached(etag);
        if (known.isPresent()) {
            return known.get();
        }
        CompletableFuture<RenderedChart> created = new CompletableFuture<>();
        CompletableFuture<RenderedChart> future = drawing.putIfAbsent(etag, created);
        if (future == null) {
            future = created;
            try {
                executor.execute(() -> {
                    try {
                        RenderedChart rendered = draw.get();
                        renders.incrementAndGet();
                        keep(rendered);
                        created.complete(rendered);
                    } catch (RuntimeException | Error e) {
                        created.completeExceptionally(e);
                    } finally {
                        drawing.remove(etag, created);
                    }
                });
            } catch (RejectedExecutionException e) {
                drawing.remove(etag, created);
                refused.incrementAndGet();
                Busy busy = new Busy("charts are busy: " + executor.getQueue().size() + " drawings are waiting; ask again shortly", retryAfter());
                created.completeExceptionally(busy);
                throw busy;
            }
        }
        try {
            return future.get(wait.amount(), wait.unit());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("drawing failed", e.getCause());
        } catch (TimeoutException e) {
            throw new Busy("the chart took too long to draw; ask again shortly", retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for the chart", retryAfter());
        }
    }

    /** Seconds until the queue has likely drained: about a second per queue of drawings, at least one. */
    private int retryAfter() {
        return Math.max(1, Math.min(30, executor.getQueue().size() / Math.max(1, executor.getMaximumPoolSize() * 10) + 1));
    }

    private synchronized void keep(RenderedChart rendered) {
        if (rendered.bytes().length > cacheBytes) {
            return;
        }
        RenderedChart replaced = cache.put(rendered.etag(), rendered);
        cachedBytes += rendered.bytes().length - (replaced == null ? 0 : replaced.bytes().length);
        var oldest = cache.entrySet().iterator();
        while (cachedBytes > cacheBytes && oldest.hasNext()) {
            cachedBytes -= oldest.next().getValue().bytes().length;
            oldest.remove();
        }
    }

    /** Drawings made since the start (cache hits and 304s draw nothing). */
    public long renders() {
        return renders.get();
    }

    /** Requests refused because the queue was full. */
    public long refused() {
        return refused.get();
    }

    public int threads() {
        return executor.getMaximumPoolSize();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
