package th.ita.core.batch;

import static java.util.Objects.requireNonNull;

/**
 * A rejected row or cell: where it is (line 1 is the header of a CSV; for XLSX the sheet row),
 * which column, the value as found and why it was rejected.
 */
public record RowError(long line, String column, String value, String code, String message) {
    public RowError {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
        column = column == null ? "" : column;
        value = value == null ? "" : value;
    }
}
