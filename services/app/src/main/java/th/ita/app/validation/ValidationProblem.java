package th.ita.app.validation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A problem+json for request values that break a constraint: the fields of {@code Problem} and, for
 * each value, the field, the value as given, a stable code and the reason in the caller's language.
 */
@Serdeable
public record ValidationProblem(String type, String title, int status, String code, String detail, String instance, List<FieldError> errors) {

    /** {@code code}: REQUIRED, ONE_OF, YEAR_RANGE, RANGE, LENGTH, SIZE, INVALID. */
    @Serdeable
    public record FieldError(String field, String value, String code, String message) {
    }
}
