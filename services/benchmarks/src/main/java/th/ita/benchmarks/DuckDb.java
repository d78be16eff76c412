package th.ita.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The DuckDB peer: a file database (as the platform's embedded store is a file), or in memory. */
public final class DuckDb {
    private DuckDb() {
    }

    public static Connection file(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
    }

    public static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}
