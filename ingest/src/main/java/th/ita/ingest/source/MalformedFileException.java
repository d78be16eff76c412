package th.ita.ingest.source;

import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;

/**
 * The file as a whole cannot be read (truncated, wrong encoding, not the format it claims): the batch
 * fails. The reason is a catalog message ({@code file.*}), with the line where reading stopped when
 * there is one ({@code file.atLine}); a parser's own words stay in the cause, for the log.
 */
public class MalformedFileException extends ItaException {
    private final long line;

    public MalformedFileException(long line, Message reason, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, line > 0 ? Message.of("file.atLine", "line", line, "reason", reason) : reason, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
