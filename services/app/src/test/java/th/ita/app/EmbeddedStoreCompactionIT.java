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

/** A graceful stop compacts the embedded store's file when most of it is dead space, and only then. */
class EmbeddedStoreCompactionIT {
    @TempDir
    Path data;

    /** Starts the platform on the data directory, leaves about 20 MB of dead space in its file and stops it; the file's size after. */
    private long sizeAfterAStopWithDeadSpace(int belowFillRate) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "micronaut.server.port", "-1", "ita.store.compact-below-fill-rate", belowFillRate), "test")) {
            try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler AS SELECT REPEAT('ม่วงยาย', 50) || \"X\" AS text FROM SYSTEM_RANGE(1, 20000)");
                statement.execute("DROP TABLE filler");
            }
        }
        return Files.size(data.resolve("ita.mv.db"));
    }

    @Test
    void compactsAFileThatIsMostlyDeadSpaceAndKeepsItTheOwnersOnly() throws Exception {
        long size = sizeAfterAStopWithDeadSpace(50);

        assertThat(size).isLessThan(5_000_000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ita.mv.db")))).isEqualTo("rw-------");
        // And the compacted store opens again with everything in it.
        try (ApplicationContext context = ApplicationContext.run(Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false",
                "micronaut.server.port", "-1"), "test")) {
            assertThat(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection().isValid(1)).isTrue();
        }
    }

    @Test
    void leavesTheFileAsItIsWhenCompactionIsSwitchedOff() throws Exception {
        assertThat(sizeAfterAStopWithDeadSpace(0)).isGreaterThan(10_000_000);
    }
}
