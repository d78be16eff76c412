package th.ita.storage.jdbc.access;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import th.ita.core.access.FailedSignIns;
import th.ita.core.error.ItaException;

/**
 * Failed sign-ins in the tables {@code sign_in_throttle} and {@code sign_in_known_address} (migration V7),
 * each statement on its own (auto-commit): a count is one atomic UPDATE, so replicas lose none.
 */
@Singleton
class JdbcFailedSignIns implements FailedSignIns {
    private final DataSource dataSource;

    JdbcFailedSignIns(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Optional<Instant> lockedUntil(String key, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                OffsetDateTime until = row.getObject(1, OffsetDateTime.class);
                return until == null || !until.toInstant().isAfter(now) ? Optional.empty() : Optional.of(until.toInstant());
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read the sign-in throttle", e);
        }
    }

    @Override
    public void countFailure(String key, int limit, Instant now, Duration window, Duration lockOut) {
        try (Connection connection = dataSource.getConnection()) {
            count(connection, key, limit, now, window, lockOut);
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot record a failed sign-in", e);
        }
    }

    private static void count(Connection connection, String key, int limit, Instant now, Duration window, Duration lockOut) throws SQLException {
        OffsetDateTime windowOpen = at(now.minus(window));
        // Within the window: one more failure, locked once at the limit. Atomic, so replicas do not lose counts.
        try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_throttle SET failures = failures + 1, "
                + "locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END "
                + "WHERE throttle_key = ? AND window_start > ?")) {
            update.setInt(1, limit);
            update.setObject(2, at(now.plus(lockOut)));
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
            restart.setObject(3, at(now.plus(lockOut)));
            restart.setString(4, key);
            if (restart.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sign_in_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, 1, ?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, at(now));
            insert.setObject(3, limit <= 1 ? at(now.plus(lockOut)) : null);
            insert.executeUpdate();
        } catch (SQLException concurrentInsert) {
            // Another node inserted the key meanwhile: count this failure on its row.
            try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_throttle SET failures = failures + 1, "
                    + "locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END WHERE throttle_key = ?")) {
                update.setInt(1, limit);
                update.setObject(2, at(now.plus(lockOut)));
                update.setString(3, key);
                update.executeUpdate();
            }
        }
    }

    @Override
    public void forget(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_throttle WHERE throttle_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot record a sign-in", e);
        }
    }

    @Override
    public void signedInFrom(String username, String address, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sign_in_known_address SET last_success = ? WHERE username = ? AND address = ?")) {
                update.setObject(1, at(at));
                update.setString(2, username);
                update.setString(3, address);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sign_in_known_address (username, address, last_success) VALUES (?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, address);
                insert.setObject(3, at(at));
                insert.executeUpdate();
            } catch (SQLException concurrentInsert) {
                // Another node recorded the same success at the same moment: it is known either way.
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot record a sign-in", e);
        }
    }

    @Override
    public boolean signedInFromSince(String username, String address, Instant since) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM sign_in_known_address WHERE username = ? AND address = ? AND last_success > ?")) {
            select.setString(1, username);
            select.setString(2, address);
            select.setObject(3, at(since));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot read the sign-in throttle", e);
        }
    }

    @Override
    public void forgetExpired(Instant windowOpen, Instant now, Instant knownSince) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_throttle WHERE window_start < ? "
                    + "AND (locked_until IS NULL OR locked_until < ?)")) {
                delete.setObject(1, at(windowOpen));
                delete.setObject(2, at(now));
                delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_known_address WHERE last_success < ?")) {
                delete.setObject(1, at(knownSince));
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw ItaException.storageUnavailable("cannot clean up the sign-in throttle", e);
        }
    }
}
