package th.ita.app.signin;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins within {@link #WINDOW} for
 * the same username, or for the same client address, further attempts are refused until the oldest
 * failure leaves the window. Kept in memory: one instance per node.
 */
@Singleton
class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_KEYS = 100_000;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Seconds to wait before the next attempt, or 0 when it may go ahead. */
    long secondsToWait(String username, String address) {
        return Math.max(wait("user:" + username), wait("address:" + address));
    }

    private long wait(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            Instant now = Instant.now();
            while (!recent.isEmpty() && recent.peekFirst().plus(WINDOW).isBefore(now)) {
                recent.pollFirst();
            }
            return recent.size() < MAX_FAILURES ? 0 : Math.max(1, Duration.between(now, recent.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear();
        }
        for (String key : new String[] {"user:" + username, "address:" + address}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                recent.addLast(Instant.now());
                while (recent.size() > MAX_FAILURES) {
                    recent.pollFirst();
                }
            }
        }
    }

    void succeeded(String username) {
        failures.remove("user:" + username);
    }
}
