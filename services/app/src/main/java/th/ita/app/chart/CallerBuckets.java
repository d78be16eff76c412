package th.ita.app.chart;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets, one per caller (the token bucket of traffic shaping): a caller may spend up to {@code burst}
 * tokens at once and earns {@code perSecond} back every second, up to the burst again. A request that finds fewer
 * tokens than its cost is refused, told the whole seconds until it would find enough, and takes nothing.
 * <p>At most {@code callers} buckets are kept; past that the least recently used one goes. A bucket left alone for
 * burst ÷ perSecond seconds is full again — the same as a new one — so dropping it loses nothing. Only more distinct
 * callers than that within such a time can drop a bucket that was not yet full; its caller then starts again from a
 * full burst, which {@link #droppedBeforeFull()} counts.
 */
final class CallerBuckets {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Bucket> buckets;
    private long droppedBeforeFull;

    /**
     * @param perSecond tokens earned back a second
     * @param burst     the most tokens a caller holds, and what a new caller starts with
     * @param callers   the most callers remembered at once
     */
    record Settings(double perSecond, double burst, int callers) {
        Settings {
            if (!(perSecond > 0) || !(burst >= 1) || callers < 1 || Double.isInfinite(perSecond) || Double.isInfinite(burst)) {
                throw new IllegalArgumentException("a rate above 0 a second, a burst of at least 1 and at least 1 caller, not "
                        + perSecond + ", " + burst + ", " + callers);
            }
        }
    }

    /** What came of asking: taken, or refused with the whole seconds (at least 1) until the cost would be there. */
    record Outcome(boolean taken, long retryAfterSeconds) {
        static final Outcome TAKEN = new Outcome(true, 0);
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    CallerBuckets(Settings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                if (size() <= settings.callers()) {
                    return false;
                }
                Bucket bucket = eldest.getValue();
                refill(bucket, nanos());
                if (bucket.tokens < settings.burst()) {
                    droppedBeforeFull++;
                }
                return true;
            }
        };
    }

    Settings settings() {
        return settings;
    }

    /** Takes {@code cost} tokens (at most the burst: a cost above it would never be met) from the caller's bucket, or refuses. */
    synchronized Outcome take(String caller, double cost) {
        requireNonNull(caller, "caller is null");
        long now = nanos();
        Bucket bucket = buckets.get(caller);
        if (bucket == null) {
            bucket = new Bucket(settings.burst(), now);
            buckets.put(caller, bucket);
        } else {
            refill(bucket, now);
        }
        double needed = Math.min(Math.max(0, cost), settings.burst());
        if (bucket.tokens >= needed) {
            bucket.tokens -= needed;
            return Outcome.TAKEN;
        }
        return new Outcome(false, Math.max(1, (long) Math.ceil((needed - bucket.tokens) / settings.perSecond())));
    }

    /** Gives tokens back to a caller's bucket (up to its burst), e.g. when a request turned out cheaper than it was charged. */
    synchronized void giveBack(String caller, double tokens) {
        Bucket bucket = buckets.get(caller);
        if (bucket != null && tokens > 0) {
            refill(bucket, nanos());
            bucket.tokens = Math.min(settings.burst(), bucket.tokens + tokens);
        }
    }

    /** The tokens a caller holds now (a caller not remembered holds a full burst). */
    synchronized double available(String caller) {
        Bucket bucket = buckets.get(caller);
        if (bucket == null) {
            return settings.burst();
        }
        refill(bucket, nanos());
        return bucket.tokens;
    }

    /** Callers remembered now. */
    synchronized int size() {
        return buckets.size();
    }

    /** Buckets dropped to make room while their callers still had less than a full burst. */
    synchronized long droppedBeforeFull() {
        return droppedBeforeFull;
    }

    private void refill(Bucket bucket, long now) {
        // A clock set back earns nothing (and takes nothing): only time going forward refills.
        long elapsed = Math.max(0, now - bucket.updatedNanos);
        bucket.tokens = Math.min(settings.burst(), bucket.tokens + elapsed / NANOS_PER_SECOND * settings.perSecond());
        bucket.updatedNanos = Math.max(bucket.updatedNanos, now);
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
