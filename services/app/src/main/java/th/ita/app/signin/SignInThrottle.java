package th.ita.app.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import th.ita.core.error.ItaException;

/**
 * Slows password guessing, per account and per client address, in the database: every node sees the
 * same failures and a restart forgets none. Nothing is held in memory, so no flood of failures from
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
    private final DataSource dataSource;
    private final int accountFailures;
    private final int addressFailures;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    @jakarta.inject.Inject
    SignInThrottle(DataSource dataSource, @Value("${ita.sign-in.account-failures:5}") int accountFailures,
                   @Value("${ita.sign-in.address-failures:20}") int addressFailures) {
        this(DelegatingDataSource.unwrapDataSource(dataSource), accountFailures, addressFailures, Clock.systemUTC());
    }

    SignInThrottle(DataSource dataSource, int accountFailures, int addressFailures, Clock clock) {
        this.dataSource = dataSource;
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

    /** Seconds to wait before this account may try from this address, or 0 when it may go ahead. */
    long secondsToWait(String username, String address) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            long wait = lockedFor(connection, accountKey(username), now);
            long addressWait = lockedFor(connection, addressKey(address), now);
            if (addressWait > 0 && !knownAddress(connection, username, address, now)) {
                wait = Math.max(wait, addressWait);
            }
            return wait;
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read the sign-in throttle", e);
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            count(connection, accountKey(username), accountFailures, now);
            count(connection, addressKey(address), addressFailures, now);
            cleanUp(connection, now);
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot record a failed sign-in", e);
        }
    }

    /** A right password: the account's failures are forgotten, and the address becomes one it is known from. */
    void succeeded(String username, String address) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_throttle WHERE throttle_key = ?")) {
                delete.setString(1, accountKey(username));
                delete.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sign_in_known_address SET last_success = ? WHERE username = ? AND address = ?")) {
                update.setObject(1, at(now));
                update.setString(2, bounded(username));
                update.setString(3, bounded(address));
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO sign_in_known_address (username, address, last_success) VALUES (?, ?, ?)")) {
                        insert.setString(1, bounded(username));
                        insert.setString(2, bounded(address));
                        insert.setObject(3, at(now));
                        insert.executeUpdate();
                    } catch (SQLException concurrentInsert) {
                        // Another node recorded the same success at the same moment: it is known either way.
                    }
                }
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot record a sign-in", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long lockedFor(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                OffsetDateTime until = row.getObject(1, OffsetDateTime.class);
                if (until == null || !until.toInstant().isAfter(now)) {
                    return 0;
                }
                return Math.max(1, Duration.between(now, until.toInstant()).toSeconds());
            }
        }
    }

    private static boolean knownAddress(Connection connection, String username, String address, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM sign_in_known_address WHERE username = ? AND address = ? AND last_success > ?")) {
            select.setString(1, bounded(username));
            select.setString(2, bounded(address));
            select.setObject(3, at(now.minus(KNOWN_ADDRESS)));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** One more failure of a key: a new window when the last one is over, a lock-out when the limit is reached. */
    private static void count(Connection connection, String key, int limit, Instant now) throws SQLException {
        OffsetDateTime windowOpen = at(now.minus(WINDOW));
        // Within the window: one more failure, locked once at the limit. Atomic, so replicas do not lose counts.
        try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_throttle SET failures = failures + 1, "
                + "locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END "
                + "WHERE throttle_key = ? AND window_start > ?")) {
            update.setInt(1, limit);
            update.setObject(2, at(now.plus(LOCK_OUT)));
            update.setString(3, key);
            update.setObject(4, windowOpen);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // No open window: start one, keeping a lock-out that is still running.
        try (PreparedStatement restart = connection.prepareStatement("UPDATE sign_in_throttle SET failures = 1, window_start = ?, "
                + "locked_until = CASE WHEN 1 >= ? THEN ? ELSE locked_until END WHERE throttle_key = ?")) {
            restart.setObject(1, at(now));
            restart.setInt(2, limit);
            restart.setObject(3, at(now.plus(LOCK_OUT)));
            restart.setString(4, key);
            if (restart.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sign_in_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, 1, ?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, at(now));
            insert.setObject(3, limit <= 1 ? at(now.plus(LOCK_OUT)) : null);
            insert.executeUpdate();
        } catch (SQLException concurrentInsert) {
            // Another node inserted the key meanwhile: count this failure on its row.
            try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_throttle SET failures = failures + 1, "
                    + "locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END WHERE throttle_key = ?")) {
                update.setInt(1, limit);
                update.setObject(2, at(now.plus(LOCK_OUT)));
                update.setString(3, key);
                update.executeUpdate();
            }
        }
    }

    /** Forgets keys whose window and lock-out are both over, at most once a minute per node. */
    private void cleanUp(Connection connection, Instant now) throws SQLException {
        Instant last = lastCleanUp.get();
        if (now.isBefore(last.plus(CLEAN_UP_EVERY)) || !lastCleanUp.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_throttle WHERE window_start < ? "
                + "AND (locked_until IS NULL OR locked_until < ?)")) {
            delete.setObject(1, at(now.minus(WINDOW)));
            delete.setObject(2, at(now));
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_known_address WHERE last_success < ?")) {
            delete.setObject(1, at(now.minus(KNOWN_ADDRESS)));
            delete.executeUpdate();
        }
    }
}
