package th.ita.storage.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A PostgreSQL database of the layout before score packs upgrades. */
class PostgresSchemaUpgradeIT extends SchemaUpgradeContract {
    private static EmbeddedPostgres postgres;

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

    @Override
    protected String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
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
