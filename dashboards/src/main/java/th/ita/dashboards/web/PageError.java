package th.ita.dashboards.web;

import java.util.List;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;

/**
 * An error the pages raise themselves, as a key of the pages' words and its arguments: the error page
 * shows it in the reader's language (Thai, or English with the English UI), the log gets the English.
 */
public final class PageError extends ItaException {
    private final String key;
    private final transient List<Object> arguments;

    public PageError(ErrorCode code, String key, Object... arguments) {
        super(code, Texts.ENGLISH.get(key, arguments));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public static PageError notFound(String key, Object... arguments) {
        return new PageError(ErrorCode.NOT_FOUND, key, arguments);
    }

    public static PageError invalidInput(String key, Object... arguments) {
        return new PageError(ErrorCode.INVALID_INPUT, key, arguments);
    }

    public static PageError forbidden(String key, Object... arguments) {
        return new PageError(ErrorCode.FORBIDDEN, key, arguments);
    }

    /** The text in the reader's language. */
    public String text(Texts texts) {
        return texts.get(key, arguments.toArray());
    }
}
