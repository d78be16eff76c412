package th.ita.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a graceful stop, compacts the embedded H2 file when most of it is dead space. H2 writes every change to new
 * space and reuses freed space only after its retention time (45 s), so a large upload leaves a file two to three
 * times its live data (a national file at four times the organizations: 186 MB for 63 MB of data), and the 200 ms
 * it compacts for when it closes do not reach that. {@code SHUTDOWN COMPACT} rewrites the live data into a new file
 * (about 4 s for that one on the busy 2-core machine). Created with the context, so it is closed after the beans
 * that use the store (the table rebuilds, report jobs) have stopped.
 */
@Context
@Requires(property = "datasources.default.url", pattern = "jdbc:h2:file:.*")
final class EmbeddedStoreCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
    private final DataSource dataSource;
    private final int belowFillRate;
    private final Path dataDirectory;

    /** @param belowFillRate compact when live data fills less than this percentage of the file; 0 never */
    EmbeddedStoreCompaction(DataSource dataSource, @Value("${ita.store.compact-below-fill-rate:50}") int belowFillRate,
                            @Value("${ita.data-directory}") Path dataDirectory) {
        // The pool itself, not the transaction-aware wrapper: this runs outside any request or transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.belowFillRate = belowFillRate;
        this.dataDirectory = dataDirectory;
    }

    @PreDestroy
    void compactIfMostlyDeadSpace() {
        if (belowFillRate <= 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Written out first, so that H2's figures describe the whole file. The live share of the file is the share its
            // chunks take (the rest is gaps between them) times the share of live pages within the chunks.
            statement.execute("CHECKPOINT");
            long fileSize = -1;
            int chunksShare = 100;
            int liveInChunks = 100;
            try (ResultSet info = statement.executeQuery("SELECT setting_name, setting_value FROM information_schema.settings "
                    + "WHERE setting_name IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE', 'info.FILE_SIZE')")) {
                while (info.next()) {
                    String value = info.getString(2).trim();
                    switch (info.getString(1)) {
                        case "info.FILL_RATE" -> chunksShare = Integer.parseInt(value);
                        case "info.CHUNKS_FILL_RATE" -> liveInChunks = Integer.parseInt(value);
                        default -> fileSize = Long.parseLong(value);
                    }
                }
            }
            int fillRate = chunksShare * liveInChunks / 100;
            if (fillRate >= belowFillRate) {
                return;
            }
            long started = System.nanoTime();
            statement.execute("SHUTDOWN COMPACT");
            // The rewritten file is created afresh: restrict it to the owner again, as the start does.
            DataDirectory.secure(dataDirectory);
            LOG.info("compacted the embedded store ({} % of its {} MB file was live data) in {} ms", fillRate, fileSize / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            // The store is left as it was (H2 compacts whole or not at all); the next graceful stop tries again.
            LOG.warn("could not compact the embedded store: {}", e.getMessage());
        }
    }
}
