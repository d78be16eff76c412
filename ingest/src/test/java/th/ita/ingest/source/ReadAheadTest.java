package th.ita.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    /** A table of numbered rows that fails after {@code failAfter} rows when asked to (-1: never). */
    private static final class Numbered implements TableSource {
        private final int rows;
        private final int failAfter;
        private volatile int read;
        private volatile boolean closed;

        Numbered(int rows, int failAfter) {
            this.rows = rows;
            this.failAfter = failAfter;
        }

        @Override
        public List<String> header() {
            return List.of("n");
        }

        @Override
        public SourceRow next() {
            if (read == failAfter) {
                throw new MalformedFileException(read + 2, th.ita.core.message.Message.of("file.truncated", "format", "CSV"), null);
            }
            if (read == rows) {
                return null;
            }
            read++;
            return new SourceRow(read + 1, List.of(String.valueOf(read)));
        }

        @Override
        public long bytesRead() {
            return read;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void givesEveryRowInFileOrderAcrossChunks() throws Exception {
        int rows = ReadAhead.ROWS * ReadAhead.CHUNKS * 3 + 7;
        List<Long> lines = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(new Numbered(rows, -1))) {
            assertThat(ahead.header()).containsExactly("n");
            for (SourceRow row = ahead.next(); row != null; row = ahead.next()) {
                assertThat(row.cell(0)).isEqualTo(String.valueOf(row.line() - 1));
                lines.add(row.line());
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(lines).hasSize(rows).isSorted().startsWith(2L).endsWith((long) rows + 1);
    }

    @Test
    void failsAtTheRowThatCannotBeReadAfterGivingThoseBefore() throws Exception {
        try (ReadAhead ahead = new ReadAhead(new Numbered(10_000, 1_000))) {
            for (int i = 1; i <= 1_000; i++) {
                assertThat(ahead.next().line()).isEqualTo(i + 1);
            }
            assertThatThrownBy(ahead::next).isInstanceOf(MalformedFileException.class).hasMessageContaining("cannot be read on");
        }
    }

    @Test
    void stopsReadingAndClosesTheSourceWhenClosedEarly() throws Exception {
        Numbered source = new Numbered(1_000_000, -1);
        ReadAhead ahead = new ReadAhead(source);
        assertThat(ahead.next().line()).isEqualTo(2);

        ahead.close();

        assertThat(source.closed).isTrue();
        assertThat(source.read).isLessThan(1_000_000);
    }
}
