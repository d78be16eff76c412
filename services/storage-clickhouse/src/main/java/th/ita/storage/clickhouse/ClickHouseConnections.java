package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Opens JDBC connections to ClickHouse with the settings the adapter's correctness rests on pinned
 * on every query, whatever the server's profile says (clickhouse-local's server, for one, defaults
 * to {@code async_insert=1}):
 * <ul>
 * <li>{@code async_insert=0}: an INSERT returns once its rows are in a part on disk, not in a buffer
 * flushed later — publishing right after must find every fact;</li>
 * <li>{@code insert_deduplicate=1}: an INSERT repeated with the same {@code insert_deduplication_token}
 * adds nothing (the tables keep a deduplication window), so a retried chunk cannot double facts;</li>
 * <li>{@code mutations_sync=0}: discarding a failed batch's rows runs in the background and nothing
 * waits for it — no answer rests on a mutation (nor on a merge), only on the catalog's pointers;</li>
 * <li>cluster only: {@code distributed_foreground_insert=1} (an INSERT into a Distributed table returns
 * once every shard has its rows), {@code insert_quorum='auto'} with {@code insert_quorum_parallel=0} and
 * {@code select_sequential_consistency=1} (a read after publishing never meets a replica that lacks
 * the batch's parts).</li>
 * </ul>
 */
final class ClickHouseConnections {
    private final ClickHouseSettings settings;
    private final Properties properties;

    ClickHouseConnections(ClickHouseSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.properties = new Properties();
        properties.setProperty("user", settings.username());
        properties.setProperty("password", settings.password());
        pinnedSettings(settings).forEach((name, value) -> properties.setProperty("clickhouse_setting_" + name, value));
    }

    static Map<String, String> pinnedSettings(ClickHouseSettings settings) {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("async_insert", "0");
        pinned.put("insert_deduplicate", "1");
        pinned.put("mutations_sync", "0");
        if (settings.clustered()) {
            pinned.put("distributed_foreground_insert", "1");
            pinned.put("insert_quorum", "auto");
            pinned.put("insert_quorum_parallel", "0");
            pinned.put("select_sequential_consistency", "1");
        }
        return pinned;
    }

    ClickHouseSettings settings() {
        return settings;
    }

    /** A connection to the facts' database. */
    Connection open() throws SQLException {
        return DriverManager.getConnection(settings.url() + "/" + settings.database(), properties);
    }

    /**
     * A connection whose every INSERT carries {@code insert_deduplication_token}: one per chunk. The
     * token travels as a server setting of the connection because the driver neither forwards a
     * {@code SET} statement nor keeps a {@code SETTINGS} clause of a prepared INSERT (checked: both
     * left the token empty).
     */
    Connection openForInsert(String deduplicationToken) throws SQLException {
        Properties withToken = new Properties();
        withToken.putAll(properties);
        withToken.setProperty("clickhouse_setting_insert_deduplication_token", deduplicationToken);
        return DriverManager.getConnection(settings.url() + "/" + settings.database(), withToken);
    }

    /** A connection to the server's {@code default} database, for creating the facts' database. */
    Connection openServer() throws SQLException {
        return DriverManager.getConnection(settings.url() + "/default", properties);
    }
}
