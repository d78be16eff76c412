package th.ita.ingest.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import th.ita.core.message.Message;

/** CSV (RFC 4180; comma, semicolon or tab, guessed from the header line) through Commons CSV, streamed. */
final class CsvTableSource implements TableSource {
    private final CountingInputStream bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final boolean endedWithoutLineBreak;
    private long lastLine;

    CsvTableSource(SourceFile file) throws IOException {
        this.endedWithoutLineBreak = lastByte(file) != '\n';
        this.bytes = new CountingInputStream(Files.newInputStream(file.path()));
        if (file.utf8Bom()) {
            bytes.skipNBytes(3);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, file.charset()), 1 << 16);
        reader.mark(1 << 16);
        String firstLine = reader.readLine();
        reader.reset();
        char delimiter = guessDelimiter(firstLine == null ? "" : firstLine);
        this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader);
        this.records = parser.iterator();
        CSVRecord first = nextRecord();
        this.header = first == null ? List.of() : cells(first);
    }

    private static int lastByte(SourceFile file) throws IOException {
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(file.path().toFile(), "r")) {
            if (raw.length() == 0) {
                return -1;
            }
            raw.seek(raw.length() - 1);
            return raw.read();
        }
    }

    private static char guessDelimiter(String line) {
        char best = ',';
        long bestCount = line.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private CSVRecord nextRecord() {
        if (!hasMore()) {
            return null;
        }
        CSVRecord record = records.next();
        lastLine = parser.getCurrentLineNumber();
        return record;
    }

    /** Whether another record follows; reading it ahead is where a truncated file shows. */
    private boolean hasMore() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedFileException(lastLine + 1, Message.of("file.truncated", "format", "CSV"), e);
        }
    }

    private static List<String> cells(CSVRecord record) {
        // By index: iterating a record copies its values into a new list each time.
        List<String> cells = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            cells.add(record.get(i));
        }
        return cells;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        CSVRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        // The parser counts the line breaks it has consumed; a record starts that many breaks,
        // less those inside its quoted cells, before where the parser now stands.
        return new SourceRow(lastLine - countLineBreaks(record) + (atEndWithoutLineBreak() ? 1 : 0), cells(record));
    }

    private boolean atEndWithoutLineBreak() {
        return endedWithoutLineBreak && !hasMore();
    }

    private static int countLineBreaks(CSVRecord record) {
        int breaks = 0;
        for (int cell = 0; cell < record.size(); cell++) {
            String value = record.get(cell);
            for (int at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) {
                breaks++;
            }
        }
        return breaks;
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
