package th.ita.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** An embedded H2 file of the layout before score packs upgrades. */
class H2SchemaUpgradeTest extends SchemaUpgradeContract {
    @TempDir
    Path directory;

    @Override
    protected String url() {
        return "jdbc:h2:file:" + directory.resolve("ita") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    protected String username() {
        return "sa";
    }

    @Override
    protected String password() {
        return "";
    }

    @Override
    protected String dialect() {
        return "H2";
    }
}
