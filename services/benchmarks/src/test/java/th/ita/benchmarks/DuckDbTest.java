package th.ita.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTest {
    @Test
    void thePeerRunsOnThisMachineAndKeepsItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("peer.duckdb");
        try (var db = DuckDb.file(file); var statement = db.createStatement()) {
            statement.execute("CREATE TABLE t AS SELECT range AS n FROM range(1000)");
        }
        try (var db = DuckDb.file(file); var rows = db.createStatement().executeQuery("SELECT sum(n) FROM t")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(499_500L);
        }
    }
}
