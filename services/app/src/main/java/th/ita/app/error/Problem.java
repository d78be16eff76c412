package th.ita.app.error;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * An RFC 9457 problem: {@code code} is the platform's error code (NOT_FOUND, INVALID_INPUT, …), stable
 * for scripts; {@code title} and {@code detail} are in the caller's language.
 */
@Serdeable
public record Problem(String type, String title, int status, String code, String detail, String instance) {
    public static Problem of(HttpStatus status, String code, String detail, String instance) {
        return new Problem("about:blank", status.getReason(), status.getCode(), code, detail, instance);
    }

    /** A problem titled from the catalog ({@code problem.title.<code>}) where it has the code. */
    public static Problem of(HttpStatus status, String code, String detail, String instance, Language language) {
        String key = "problem.title." + code;
        String title = Messages.standard().has(key) ? Messages.standard().render(key, language) : status.getReason();
        return new Problem("about:blank", title, status.getCode(), code, detail, instance);
    }
}
