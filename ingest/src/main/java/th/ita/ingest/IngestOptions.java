package th.ita.ingest;

import java.nio.charset.Charset;
import java.util.Optional;
import th.ita.ingest.source.FileFormat;

/**
 * How to read an upload. Format and encoding are detected when not given; errors beyond
 * {@code maxStoredErrors} are counted but not stored.
 */
public record IngestOptions(Optional<FileFormat> format, Optional<Charset> charset, int maxStoredErrors) {
    public static final int DEFAULT_MAX_STORED_ERRORS = 10_000;

    public IngestOptions {
        if (maxStoredErrors < 0) {
            throw new IllegalArgumentException("maxStoredErrors must be ≥ 0");
        }
    }

    public static IngestOptions detect() {
        return new IngestOptions(Optional.empty(), Optional.empty(), DEFAULT_MAX_STORED_ERRORS);
    }
}
