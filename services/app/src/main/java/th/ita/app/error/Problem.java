package th.ita.app.error;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem: {@code code} is the platform's error code (NOT_FOUND, INVALID_INPUT, …). */
@Serdeable
public record Problem(String type, String title, int status, String code, String detail, String instance) {
    public static Problem of(HttpStatus status, String code, String detail, String instance) {
        return new Problem("about:blank", status.getReason(), status.getCode(), code, detail, instance);
    }
}
