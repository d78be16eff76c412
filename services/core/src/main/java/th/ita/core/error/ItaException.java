package th.ita.core.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * The one exception family of the platform: every error carries a code. An error users read carries
 * a catalog {@link Message} too, rendered in the caller's language at the edge; {@link #getMessage()}
 * is its English text, for logs.
 */
public class ItaException extends RuntimeException {
    private final ErrorCode code;
    private final transient Message userMessage;

    public ItaException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ItaException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.userMessage = null;
    }

    public ItaException(ErrorCode code, Message message) {
        this(code, message, null);
    }

    public ItaException(ErrorCode code, Message message, Throwable cause) {
        super(Messages.standard().render(requireNonNull(message, "message is null"), Language.EN), cause);
        this.code = requireNonNull(code, "code is null");
        this.userMessage = message;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message from the catalog, when the error was raised with one. */
    public Optional<Message> userMessage() {
        return Optional.ofNullable(userMessage);
    }

    public static ItaException notFound(String message) {
        return new ItaException(ErrorCode.NOT_FOUND, message);
    }

    public static ItaException notFound(Message message) {
        return new ItaException(ErrorCode.NOT_FOUND, message);
    }

    public static ItaException invalidInput(String message) {
        return new ItaException(ErrorCode.INVALID_INPUT, message);
    }

    public static ItaException invalidInput(Message message) {
        return new ItaException(ErrorCode.INVALID_INPUT, message);
    }

    public static ItaException forbidden(Message message) {
        return new ItaException(ErrorCode.FORBIDDEN, message);
    }

    public static ItaException storageUnavailable(String message, Throwable cause) {
        return new ItaException(ErrorCode.STORAGE_UNAVAILABLE, message, cause);
    }
}
