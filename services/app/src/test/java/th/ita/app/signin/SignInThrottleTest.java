package th.ita.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.ita.app.access.MovableClock;
import th.ita.core.access.FailedSignIns;

/** The throttle's policy over a store in memory: per account, per address, and accounts known from an address. */
class SignInThrottleTest {
    /** Failed sign-ins in memory, as the port states them. */
    private static final class InMemoryFailedSignIns implements FailedSignIns {
        private record Count(int failures, Instant windowStart, Instant lockedUntil) {
        }

        private final Map<String, Count> counts = new HashMap<>();
        private final Map<String, Instant> known = new HashMap<>();

        @Override
        public Optional<Instant> lockedUntil(String key, Instant now) {
            Count count = counts.get(key);
            return count == null || count.lockedUntil() == null || !count.lockedUntil().isAfter(now) ? Optional.empty() : Optional.of(count.lockedUntil());
        }

        @Override
        public void countFailure(String key, int limit, Instant now, Duration window, Duration lockOut) {
            Count count = counts.get(key);
            boolean open = count != null && count.windowStart().isAfter(now.minus(window));
            int failures = open ? count.failures() + 1 : 1;
            Instant lockedUntil = failures >= limit ? now.plus(lockOut) : count == null ? null : count.lockedUntil();
            counts.put(key, new Count(failures, open ? count.windowStart() : now, lockedUntil));
        }

        @Override
        public void forget(String key) {
            counts.remove(key);
        }

        @Override
        public void signedInFrom(String username, String address, Instant at) {
            known.put(username + " " + address, at);
        }

        @Override
        public boolean signedInFromSince(String username, String address, Instant since) {
            Instant last = known.get(username + " " + address);
            return last != null && last.isAfter(since);
        }

        @Override
        public void forgetExpired(Instant windowOpen, Instant now, Instant knownSince) {
            counts.values().removeIf(c -> c.windowStart().isBefore(windowOpen) && (c.lockedUntil() == null || c.lockedUntil().isBefore(now)));
            known.values().removeIf(last -> last.isBefore(knownSince));
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final InMemoryFailedSignIns store = new InMemoryFailedSignIns();
    private final SignInThrottle throttle = new SignInThrottle(store, 5, 20, clock);

    @Test
    void locksAnAccountOutAfterFiveFailuresForFifteenMinutesFromAnyAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("t/somchai", "198.51.100." + i);
        }
        assertThat(throttle.secondsToWait("t/somchai", "192.0.2.1")).isZero();

        throttle.failed("t/somchai", "198.51.100.9");

        assertThat(throttle.secondsToWait("t/somchai", "192.0.2.1")).isEqualTo(15 * 60);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.secondsToWait("t/somchai", "192.0.2.1")).isZero();
    }

    @Test
    void locksAnAddressOutAfterTwentyFailuresButNotTheAccountsThatSignedInFromItBefore() {
        throttle.succeeded("t/regular", "203.0.113.5");
        for (int i = 0; i < 20; i++) {
            throttle.failed("t/guess-" + i, "203.0.113.5");
        }

        assertThat(throttle.secondsToWait("t/newcomer", "203.0.113.5")).isPositive();
        assertThat(throttle.secondsToWait("t/regular", "203.0.113.5")).isZero();
        assertThat(throttle.secondsToWait("t/newcomer", "203.0.113.6")).isZero();
    }

    @Test
    void forgetsAnAccountsFailuresWhenItSignsInWithItsPassword() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("t/somchai", "198.51.100.1");
        }
        throttle.succeeded("t/somchai", "198.51.100.1");
        throttle.failed("t/somchai", "198.51.100.1");

        assertThat(throttle.secondsToWait("t/somchai", "198.51.100.2")).isZero();
    }

    @Test
    void keysAnOverLongUsernameByItsDigestSoItStillCounts() {
        String huge = "x".repeat(100_000);
        for (int i = 0; i < 5; i++) {
            throttle.failed(huge, "198.51.100.1");
        }

        assertThat(throttle.secondsToWait(huge, "198.51.100.2")).isPositive();
        assertThat(store.counts.keySet()).allSatisfy(key -> assertThat(key.length()).isLessThan(300));
    }
}
