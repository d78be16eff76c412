package th.ita.ingest.source;

import java.util.List;

/** A data row as read: its line (CSV line, sheet row, or JSON line) and its cells in header order. */
public record SourceRow(long line, List<String> cells) {
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : null;
    }
}
