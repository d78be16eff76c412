package th.ita.app.ingest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.source.FileFormat;
import th.ita.ingest.source.SourceFile;

/** The {@code format} and {@code encoding} of an upload, as query parameters or form fields. */
final class UploadOptions {
    private UploadOptions() {
    }

    static Optional<FileFormat> format(String format) {
        if (format == null || format.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileFormat.valueOf(format.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ItaException.invalidInput(Message.of("file.unknownFormat", "format", shortened(format)));
        }
    }

    static Optional<Charset> charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return Optional.empty();
        }
        String name = encoding.strip().toLowerCase(Locale.ROOT);
        if (name.equals("tis-620") || name.equals("tis620") || name.equals("windows-874") || name.equals("cp874")) {
            return Optional.of(SourceFile.THAI_SINGLE_BYTE);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ItaException.invalidInput(Message.of("file.unknownEncoding", "encoding", shortened(encoding)));
        }
    }

    /** hold (the default): a new name close to a known organization is a row error; register: registered, with a finding. */
    static IngestOptions.SimilarNames similarNames(String choice) {
        if (choice == null || choice.isBlank()) {
            return IngestOptions.SimilarNames.HOLD;
        }
        try {
            return IngestOptions.SimilarNames.valueOf(choice.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ItaException.invalidInput(Message.of("problem.invalidField", "field", "similarNames", "value", shortened(choice),
                    "reason", Message.of("validation.oneOf", "values", "hold, register")));
        }
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
