package th.ita.storage.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Where the score facts live. {@code url}: the server without a database
 * ({@code jdbc:clickhouse://host:8123}); {@code database}: created by the migrations if missing;
 * {@code cluster}: empty for one node, else the name of a cluster in the servers' configuration —
 * then every table is Replicated on each shard with a Distributed table in front (see README.md).
 */
public record ClickHouseSettings(String url, String database, String username, String password, String cluster) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public ClickHouseSettings {
        requireNonNull(url, "url is null");
        requireNonNull(database, "database is null");
        username = username == null || username.isBlank() ? "default" : username;
        password = password == null ? "" : password;
        cluster = cluster == null ? "" : cluster.strip();
        if (!url.startsWith("jdbc:clickhouse:") && !url.startsWith("jdbc:ch:")) {
            throw new IllegalArgumentException("ClickHouse url must start with jdbc:clickhouse: — got " + url);
        }
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("ClickHouse database must be an identifier (letters, digits, _): " + database);
        }
        if (!cluster.isEmpty() && !IDENTIFIER.matcher(cluster).matches()) {
            throw new IllegalArgumentException("ClickHouse cluster must be an identifier (letters, digits, _): " + cluster);
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public boolean clustered() {
        return !cluster.isEmpty();
    }
}
