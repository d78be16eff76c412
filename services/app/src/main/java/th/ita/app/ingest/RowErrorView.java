package th.ita.app.ingest;

import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.batch.RowError;
import th.ita.core.message.Language;

/** A rejected row or cell: line (1 = header), column, value as found, error code (stable) and reason in the caller's language. */
@Serdeable
public record RowErrorView(long line, String column, String value, String code, String message) {
    static RowErrorView of(RowError error, Language language) {
        return new RowErrorView(error.line(), error.column(), error.value(), error.code(), error.message(language));
    }
}
