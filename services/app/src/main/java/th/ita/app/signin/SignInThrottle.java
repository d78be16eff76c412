package th.ita.app.signin;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import th.ita.core.access.FailedSignIns;

/**
 * Slows password guessing, per account and per client address, in the store ({@link FailedSignIns}):
 * every node sees the same failures and a restart forgets none. Nothing is held in memory, so no flood of failures from
 * many addresses can push an earlier lock-out out (the table only loses keys whose window and
 * lock-out are over).
 *
 * <ul>
 *   <li>An account with {@code ita.sign-in.account-failures} (5) failures within the window (15 minutes)
 *       is locked for the lock-out time (15 minutes): even its right password waits.</li>
 *   <li>An address with {@code ita.sign-in.address-failures} (20) failures within the window is locked
 *       for the lock-out time — a higher limit, since an office or a proxy puts many people behind one
 *       address. Accounts that signed in with their password from that address within the last 30 days
 *       are not held by the address's lock-out (only by their own): someone guessing from a shared
 *       address does not lock its regular users out for as long as they keep guessing.</li>
 * </ul>
 * The address is the one {@code ClientAddress} gives: a trusted proxy's X-Forwarded-For, else the peer.
 */
@Singleton
class SignInThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_OUT = Duration.ofMinutes(15);
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);
    private final FailedSignIns failures;
    private final int accountFailures;
    private final int addressFailures;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    @jakarta.inject.Inject
    SignInThrottle(FailedSignIns failures, @Value("${ita.sign-in.account-failures:5}") int accountFailures,
                   @Value("${ita.sign-in.address-failures:20}") int addressFailures) {
        this(failures, accountFailures, addressFailures, Clock.systemUTC());
    }

    SignInThrottle(FailedSignIns failures, int accountFailures, int addressFailures, Clock clock) {
        this.failures = failures;
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.clock = clock;
    }

    private static String accountKey(String username) {
        return "user:" + bounded(username);
    }

    private static String addressKey(String address) {
        return "address:" + bounded(address);
    }

    /** Keys fit the column whatever a client sends: a long value is keyed by its digest. */
    private static String bounded(String value) {
        return value.length() <= 200 ? value : "sha256:" + AccessTokens.sha256(value);
    }

    private long lockedFor(String key, Instant now) {
        return failures.lockedUntil(key, now).map(until -> Math.max(1, Duration.between(now, until).toSeconds())).orElse(0L);
    }

    /** Seconds to wait before this account may try from this address, or 0 when it may go ahead. */
    long secondsToWait(String username, String address) {
        Instant now = clock.instant();
        long wait = lockedFor(accountKey(username), now);
        long addressWait = lockedFor(addressKey(address), now);
        if (addressWait > 0 && !failures.signedInFromSince(bounded(username), bounded(address), now.minus(KNOWN_ADDRESS))) {
            wait = Math.max(wait, addressWait);
        }
        return wait;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.countFailure(accountKey(username), accountFailures, now, WINDOW, LOCK_OUT);
        failures.countFailure(addressKey(address), addressFailures, now, WINDOW, LOCK_OUT);
        cleanUp(now);
    }

    /** A right password: the account's failures are forgotten, and the address becomes one it is known from. */
    void succeeded(String username, String address) {
        Instant now = clock.instant();
        failures.forget(accountKey(username));
        failures.signedInFrom(bounded(username), bounded(address), now);
    }

    /** Forgets keys whose window and lock-out are both over, at most once a minute per node. */
    private void cleanUp(Instant now) {
        Instant last = lastCleanUp.get();
        if (now.isBefore(last.plus(CLEAN_UP_EVERY)) || !lastCleanUp.compareAndSet(last, now)) {
            return;
        }
        failures.forgetExpired(now.minus(WINDOW), now, now.minus(KNOWN_ADDRESS));
    }
}
