package th.ita.ingest;

import java.nio.charset.Charset;
import java.util.Optional;
import th.ita.ingest.source.FileFormat;

/**
 * How to read an upload. Format and encoding are detected when not given; errors beyond
 * {@code maxStoredErrors} are counted but not stored. {@code similarNames}: what to do with a new
 * organization whose name is close to a known one of the same district or province (ม่วงฝอย beside
 * ม่วงยาย): HOLD its rows back with a "did you mean" row error (the default), or REGISTER it with a finding.
 */
public record IngestOptions(Optional<FileFormat> format, Optional<Charset> charset, int maxStoredErrors, SimilarNames similarNames) {
    public static final int DEFAULT_MAX_STORED_ERRORS = 10_000;

    public enum SimilarNames { HOLD, REGISTER }

    public IngestOptions {
        if (maxStoredErrors < 0) {
            throw new IllegalArgumentException("maxStoredErrors must be ≥ 0");
        }
        java.util.Objects.requireNonNull(similarNames, "similarNames is null");
    }

    public IngestOptions(Optional<FileFormat> format, Optional<Charset> charset, int maxStoredErrors) {
        this(format, charset, maxStoredErrors, SimilarNames.HOLD);
    }

    public static IngestOptions detect() {
        return new IngestOptions(Optional.empty(), Optional.empty(), DEFAULT_MAX_STORED_ERRORS);
    }

    public IngestOptions withSimilarNames(SimilarNames choice) {
        return new IngestOptions(format, charset, maxStoredErrors, choice);
    }
}
