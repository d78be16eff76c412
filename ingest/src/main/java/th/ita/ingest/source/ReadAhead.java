package th.ita.ingest.source;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a table's rows on a thread of its own, a bounded number of chunks ahead, so that parsing the file (the
 * CSV lexer, decoding) runs on one core while the caller checks and gathers rows on the other. Rows arrive in file
 * order, and a file that cannot be read on fails the caller at the same row it would have failed without the
 * read-ahead. At most {@code CHUNKS × ROWS} rows are held: memory stays flat in the file's size. Only for sources
 * whose header is fixed once opened (the caller sees the header while the reader is rows ahead).
 */
public final class ReadAhead implements TableSource {
    static final int ROWS = 512;
    static final int CHUNKS = 8;
    private static final Object END = new Object();

    private final TableSource source;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private volatile boolean closed;
    private List<SourceRow> current = List.of();
    private int position;
    private boolean ended;

    public ReadAhead(TableSource source) {
        this.source = requireNonNull(source, "source is null");
        this.reader = new Thread(this::readAll, "ingest-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        List<SourceRow> chunk = new ArrayList<>(ROWS);
        try {
            for (SourceRow row = source.next(); row != null && !closed; row = source.next()) {
                chunk.add(row);
                if (chunk.size() == ROWS) {
                    put(chunk);
                    chunk = new ArrayList<>(ROWS);
                }
            }
            if (!chunk.isEmpty()) {
                put(chunk);
            }
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                // The rows read before the failure first, so that the caller fails where it would have without us.
                if (!chunk.isEmpty()) {
                    put(chunk);
                }
                put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for room, giving up once the reader is closed (nobody will take what it would put). */
    private void put(Object chunk) throws InterruptedException {
        while (!closed) {
            if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public List<String> header() {
        return source.header();
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceRow next() {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            Object chunk;
            try {
                chunk = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the file", e);
            }
            if (chunk == END) {
                ended = true;
                return null;
            }
            if (chunk instanceof RuntimeException failure) {
                ended = true;
                throw failure;
            }
            if (chunk instanceof Error failure) {
                ended = true;
                throw failure;
            }
            current = (List<SourceRow>) chunk;
            position = 0;
        }
        return current.get(position++);
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
