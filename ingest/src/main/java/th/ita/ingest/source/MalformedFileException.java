package th.ita.ingest.source;

import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;

/** The file as a whole cannot be read (truncated, wrong encoding, not the format it claims): the batch fails. */
public class MalformedFileException extends ItaException {
    private final long line;

    public MalformedFileException(long line, String message, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
