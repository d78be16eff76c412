package th.ita.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a graceful stop, compacts the embedded H2 file when it has grown by half since the start and is large enough
 * to matter. H2 writes every change to new space and reuses freed space only after its retention time (45 s), so a
 * large upload leaves a file two to three times its live data (a national file at two times the organizations: 72 MB
 * for 19 MB of data), and the 200 ms H2 compacts for when it closes do not reach that. H2's own fill figures do not
 * tell (space held for the retention time counts as live), so growth is the signal: what grew since the start is new
 * data and the dead space its writing left. {@code SHUTDOWN COMPACT} rewrites the live data into a new file (2.4 s for
 * that one on the busy 2-core machine). Created with the context, so it is closed after the beans that use the store
 * (table rebuilds, report jobs) have stopped.
 */
@Context
@Requires(property = "datasources.default.url", pattern = "jdbc:h2:file:.*")
final class EmbeddedStoreCompaction {
    /** A file this many times its size at the start is compacted at the stop. */
    static final double GROWTH = 1.5;
    /** H2's DATABASE_CALLED_AT_SHUTDOWN ("Database is already closed"). */
    private static final int DATABASE_CLOSED_BY_THIS_STATEMENT = 90121;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
    private final DataSource dataSource;
    private final boolean enabled;
    private final long minFileBytes;
    private final long sizeAtStart;

    /**
     * @param minFileMegabytes compact only a file at least this large: a small file is not worth it, and tests run
     *     several contexts on one embedded database, which a compaction closes under all of them
     */
    EmbeddedStoreCompaction(DataSource dataSource, @Value("${ita.store.compact-on-stop:true}") boolean enabled,
                            @Value("${ita.store.compact-min-file-megabytes:32}") long minFileMegabytes) {
        // The pool itself, not the transaction-aware wrapper: this runs outside any request or transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.enabled = enabled;
        this.minFileBytes = minFileMegabytes * 1_000_000;
        this.sizeAtStart = enabled ? fileSize(false) : -1;
    }

    @PreDestroy
    void compactIfGrown() {
        if (!enabled) {
            return;
        }
        long size = fileSize(true);
        if (size < minFileBytes || size < GROWTH * sizeAtStart) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // H2 may answer the statement that closed it with "called at shutdown": the compaction is done then.
            if (e.getErrorCode() != DATABASE_CLOSED_BY_THIS_STATEMENT) {
                // The store is left as it was (H2 compacts into a new file, then swaps); the next graceful stop tries again.
                LOG.warn("could not compact the embedded store: {}", e.getMessage());
                return;
            }
        }
        // H2 writes the compacted file afresh, readable by the group (umask) until the next start restricts it again
        // (DataDirectory); meanwhile the data directory, the owner's only, keeps everyone else out.
        LOG.info("compacted the embedded store ({} MB at the start, {} MB now) in {} ms", sizeAtStart / 1_000_000, size / 1_000_000,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The store's file size as H2 knows it, its pending changes written first if asked; -1 when it cannot tell. */
    private long fileSize(boolean checkpoint) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (checkpoint) {
                statement.execute("CHECKPOINT");
            }
            try (ResultSet info = statement.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.FILE_SIZE'")) {
                return info.next() ? Long.parseLong(info.getString(1).trim()) : -1;
            }
        } catch (SQLException | NumberFormatException e) {
            LOG.warn("cannot read the embedded store's file size: {}", e.getMessage());
            return -1;
        }
    }
}
