package th.ita.storage.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A PostgreSQL database of an older layout upgrades; each test has a database of its own in one server. */
class PostgresSchemaUpgradeIT extends SchemaUpgradeContract {
    private static EmbeddedPostgres postgres;
    private static int databases;
    private String database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = "upgrade_" + ++databases;
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    protected String url() {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    protected String username() {
        return "postgres";
    }

    @Override
    protected String password() {
        return "postgres";
    }

    @Override
    protected String dialect() {
        return "POSTGRES";
    }
}
