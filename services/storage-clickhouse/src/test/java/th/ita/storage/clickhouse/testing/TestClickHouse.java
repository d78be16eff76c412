package th.ita.storage.clickhouse.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * The one place that picks where the tests' real ClickHouse comes from; the adapter and the tests
 * see only a JDBC URL. In order: a server named by {@code ITA_CLICKHOUSE_URL}; a container of the
 * pinned image where a Docker engine answers (Testcontainers); a ClickHouse HTTP server run from
 * libchdb.so ({@link ChdbServer}). One server per JVM, stopped when the JVM exits; each test takes
 * its own database. Without any of them the tests are skipped with a message, except in CI
 * ({@code CI=true}), where they fail.
 */
public final class TestClickHouse {
    public static final String CHDB_VERSION = "26.7.3-stable.1";
    public static final String IMAGE = "clickhouse/clickhouse-server:26.7";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestClickHouse shared;
    private static RuntimeException startFailure;

    private final String baseUrl;
    private final String username;
    private final String password;
    private final String source;
    private final AutoCloseable server;

    private TestClickHouse(String baseUrl, String username, String password, String source, AutoCloseable server) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.source = source;
        this.server = server;
    }

    /** The JVM's ClickHouse, started on first use; skips the calling test (fails it in CI) when none can be had. */
    public static synchronized TestClickHouse shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        try {
            shared = start();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        TestClickHouse started = shared;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "clickhouse-test-server-stop"));
        System.err.println("ClickHouse for tests: " + started.source);
        return started;
    }

    private static TestClickHouse start() {
        String url = setting("ITA_CLICKHOUSE_URL", "ita.clickhouse.url");
        if (url != null) {
            String user = setting("ITA_CLICKHOUSE_USER", "ita.clickhouse.user");
            String password = setting("ITA_CLICKHOUSE_PASSWORD", "ita.clickhouse.password");
            return new TestClickHouse(stripDatabase(url), user == null ? "default" : user, password == null ? "" : password, "the server at " + url, () -> { });
        }
        String wanted = String.valueOf(setting("ITA_CLICKHOUSE_SOURCE", "ita.clickhouse.source")).toLowerCase(Locale.ROOT);
        if (!wanted.equals("chdb") && dockerAnswers()) {
            ClickHouseContainer container = new ClickHouseContainer(IMAGE);
            container.start();
            return new TestClickHouse(stripDatabase(container.getJdbcUrl()), container.getUsername(), container.getPassword(),
                    "container " + IMAGE + " (Testcontainers)", container::stop);
        }
        Path library = chdbLibrary();
        if (!Files.isRegularFile(library)) {
            String message = "no ClickHouse for the tests: no Docker engine, and libchdb.so is not at " + library
                    + " (run services/storage-clickhouse/bin/fetch-chdb.sh, or set ITA_CHDB_LIBRARY)";
            if (inCi()) {
                throw new IllegalStateException(message);
            }
            throw new TestAbortedException(message);
        }
        ChdbServer server = ChdbServer.start(library);
        return new TestClickHouse("jdbc:clickhouse://127.0.0.1:" + server.port(), "default", "",
                "ClickHouse HTTP server from libchdb " + CHDB_VERSION + " on port " + server.port(), server);
    }

    /** The library's path: {@code ITA_CHDB_LIBRARY} / {@code -Dita.chdb.library}, or where bin/fetch-chdb.sh caches it. */
    public static Path chdbLibrary() {
        String configured = setting("ITA_CHDB_LIBRARY", "ita.chdb.library");
        if (configured != null) {
            return Path.of(configured);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path root = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return root.resolve("ita").resolve("chdb").resolve(CHDB_VERSION).resolve("libchdb.so");
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean dockerAnswers() {
        boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hinted) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noEngine) {
            return false;
        }
    }

    private static String setting(String environment, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripDatabase(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        int slash = path.indexOf('/', "jdbc:clickhouse://".length());
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** Creates a new, empty database (Atomic) and returns its name. */
    public String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("default"), properties()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENGINE = Atomic");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create ClickHouse database " + name + " (" + source + "): " + e.getMessage(), e);
        }
        return name;
    }

    /** The server's URL without a database, as {@code ita.clickhouse.url} takes it. */
    public String serverUrl() {
        return baseUrl;
    }

    public String jdbcUrl(String database) {
        return baseUrl + "/" + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return properties;
    }

    public String source() {
        return source;
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception ignored) {
            // The JVM is exiting; the server's stdin closes with it in any case.
        }
    }
}
