package th.ita.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins counted per key (an account or a client address) in fixed windows, with lock-outs,
 * and the addresses each account signed in from (port). Shared by every node and kept across restarts;
 * the policy (which keys, what limits) is the caller's.
 */
public interface FailedSignIns {
    /** Until when the key is locked out, if it still is at {@code now}. */
    Optional<Instant> lockedUntil(String key, Instant now);

    /**
     * Counts one more failure of the key: within a window that opened less than {@code window} ago, or in
     * a new window; once the window's failures reach {@code limit}, the key is locked until {@code now +
     * lockOut}. A lock-out still running survives a new window. Atomic across nodes: no failure is lost.
     */
    void countFailure(String key, int limit, Instant now, Duration window, Duration lockOut);

    /** Forgets the key's failures and lock-out. */
    void forget(String key);

    /** The account signed in with its password from the address at {@code at}. */
    void signedInFrom(String username, String address, Instant at);

    /** Whether the account signed in with its password from the address after {@code since}. */
    boolean signedInFromSince(String username, String address, Instant since);

    /** Forgets keys whose window opened before {@code windowOpen} and whose lock-out is over at {@code now}, and addresses last used before {@code knownSince}. */
    void forgetExpired(Instant windowOpen, Instant now, Instant knownSince);
}
