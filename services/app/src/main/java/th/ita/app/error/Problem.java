package th.ita.app.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;
import java.security.SecureRandom;
import java.util.HexFormat;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * An RFC 9457 problem: {@code code} is the platform's error code (NOT_FOUND, INVALID_INPUT, …), stable
 * for scripts; {@code title} and {@code detail} are in the caller's language. {@code reference} names a
 * fault of ours in the log (the answer itself never carries internal text).
 */
@Serdeable
public record Problem(String type, String title, int status, String code, String detail, String instance, @Nullable String reference) {
    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Problem of(HttpStatus status, String code, String detail, String instance) {
        return new Problem("about:blank", status.getReason(), status.getCode(), code, detail, instance, null);
    }

    /** A problem titled from the catalog ({@code problem.title.<code>}) where it has the code. */
    public static Problem of(HttpStatus status, String code, String detail, String instance, Language language) {
        return new Problem("about:blank", title(status, code, language), status.getCode(), code, detail, instance, null);
    }

    /** A fault of ours: a generic answer and the reference under which the log keeps the details. */
    public static Problem fault(HttpStatus status, String code, String reference, String instance, Language language) {
        String detail = Messages.standard().render("problem.fault", language, "reference", reference);
        return new Problem("about:blank", title(status, code, language), status.getCode(), code, detail, instance, reference);
    }

    private static String title(HttpStatus status, String code, Language language) {
        String key = "problem.title." + code;
        return Messages.standard().has(key) ? Messages.standard().render(key, language) : status.getReason();
    }

    /** A new correlation id for a fault: short enough to read out on the phone. */
    public static String newReference() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
