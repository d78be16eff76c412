package th.ita.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful stop compacts the embedded store's file when it has grown since the start, which leaves dead space behind. */
class EmbeddedStoreCompactionIT {
    @TempDir
    Path data;

    /** Starts the platform on the data directory, leaves about 20 MB of dead space in its file and stops it; the file's size after. */
    private long sizeAfterAStopWithDeadSpace(boolean compactOnStop) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "micronaut.server.port", "-1", "ita.store.compact-on-stop", compactOnStop, "ita.store.compact-min-file-megabytes", 1), "test")) {
            try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler AS SELECT REPEAT('ม่วงยาย', 50) || \"X\" AS text FROM SYSTEM_RANGE(1, 20000)");
                statement.execute("DROP TABLE filler");
            }
        }
        return Files.size(data.resolve("ita.mv.db"));
    }

    @Test
    void compactsAFileThatGrewSinceTheStartAndTheNextStartKeepsItTheOwnersOnly() throws Exception {
        long size = sizeAfterAStopWithDeadSpace(true);

        assertThat(size).isLessThan(5_000_000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        // The compacted store opens again, and the start restricts the rewritten file to the owner.
        try (ApplicationContext context = ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "micronaut.server.port", "-1"), "test")) {
            assertThat(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection().isValid(1)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ita.mv.db")))).isEqualTo("rw-------");
        }
    }

    @Test
    void leavesTheFileAsItIsWhenCompactionIsSwitchedOff() throws Exception {
        assertThat(sizeAfterAStopWithDeadSpace(false)).isGreaterThan(10_000_000);
    }
}
