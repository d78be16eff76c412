package th.ita.core.error;

import static java.util.Objects.requireNonNull;

/** The one exception family of the platform: every error carries a code. */
public class ItaException extends RuntimeException {
    private final ErrorCode code;

    public ItaException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ItaException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public static ItaException notFound(String message) {
        return new ItaException(ErrorCode.NOT_FOUND, message);
    }

    public static ItaException invalidInput(String message) {
        return new ItaException(ErrorCode.INVALID_INPUT, message);
    }

    public static ItaException storageUnavailable(String message, Throwable cause) {
        return new ItaException(ErrorCode.STORAGE_UNAVAILABLE, message, cause);
    }
}
