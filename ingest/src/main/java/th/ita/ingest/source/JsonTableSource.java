package th.ita.ingest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.ita.core.message.Message;

/**
 * JSON as an array of flat objects, or an object whose "rows" member is that array, streamed with
 * Jackson's parser. The header is the keys of the first object; later objects may carry other keys,
 * which are added as columns (a row's missing keys read as empty cells).
 */
final class JsonTableSource implements TableSource {
    private final CountingInputStream bytes;
    private final JsonParser parser;
    private final List<String> header = new ArrayList<>();
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private SourceRow first;

    JsonTableSource(SourceFile file) throws IOException {
        this.bytes = new CountingInputStream(Files.newInputStream(file.path()));
        if (file.utf8Bom()) {
            bytes.skipNBytes(3);
        }
        this.parser = new JsonFactory().createParser(new InputStreamReader(bytes, file.charset()));
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                while ((token = parser.nextToken()) == JsonToken.FIELD_NAME && !"rows".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();
                }
                token = token == JsonToken.FIELD_NAME ? parser.nextToken() : null;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new MalformedFileException(parser.currentLocation().getLineNr(), Message.of("file.jsonNotRows"), null);
            }
            first = read();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private MalformedFileException malformed(IOException e) {
        return new MalformedFileException(parser.currentLocation().getLineNr(), Message.of("file.truncated", "format", "JSON"), e);
    }

    private SourceRow read() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedFileException(parser.currentLocation().getLineNr(), Message.of("file.jsonRowNotObject", "found", String.valueOf(token)), null);
        }
        long line = parser.currentLocation().getLineNr();
        List<String> cells = new ArrayList<>(header.size());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw new MalformedFileException(parser.currentLocation().getLineNr(), Message.of("file.jsonFieldNotValue", "field", key), null);
            }
            int column = columns.computeIfAbsent(key, k -> {
                header.add(k);
                return header.size() - 1;
            });
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == JsonToken.VALUE_NULL ? "" : parser.getText());
        }
        return new SourceRow(line, cells);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        if (first != null) {
            SourceRow row = first;
            first = null;
            return row;
        }
        try {
            return read();
        } catch (IOException e) {
            throw malformed(e);
        }
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
