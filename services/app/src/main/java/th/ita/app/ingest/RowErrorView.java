package th.ita.app.ingest;

import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.batch.RowError;

/** A rejected row or cell: line (1 = header), column, value as found, error code and reason. */
@Serdeable
public record RowErrorView(long line, String column, String value, String code, String message) {
    static RowErrorView of(RowError error) {
        return new RowErrorView(error.line(), error.column(), error.value(), error.code(), error.message());
    }
}
