package th.ita.app.validation;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import th.ita.app.message.RequestLanguage;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * Request values that break a Jakarta constraint answer 400 problem+json naming each field, its value
 * and why, in the caller's language (instead of Micronaut's default error body).
 */
@Singleton
@Produces("application/problem+json")
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ValidationProblem>> {

    @Override
    public HttpResponse<ValidationProblem> handle(HttpRequest request, ConstraintViolationException exception) {
        Language language = RequestLanguage.of(request);
        Messages messages = Messages.standard();
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        List<ConstraintViolation<?>> violations = new ArrayList<>(exception.getConstraintViolations());
        violations.sort(Comparator.comparing(violation -> field(violation.getPropertyPath())));
        List<Message> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String field = field(violation.getPropertyPath());
            String value = violation.getInvalidValue() == null ? "" : String.valueOf(violation.getInvalidValue());
            Reason reason = reason(violation);
            Message detail = Message.of("problem.invalidField", "field", field, "value", value, "reason", reason.message());
            details.add(detail);
            errors.add(new ValidationProblem.FieldError(field, value, reason.code(), messages.render(reason.message(), language)));
        }
        String detail = details.size() == 1 ? messages.render(details.get(0), language)
                : messages.render(Message.of("problem.invalidFields", "fields", details), language);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return HttpResponse.<ValidationProblem>status(status).contentType(MediaType.of("application/problem+json"))
                .body(new ValidationProblem("about:blank", messages.render("problem.title.INVALID_INPUT", language), status.getCode(),
                        "INVALID_INPUT", detail, request.getPath(), errors));
    }

    private record Reason(String code, Message message) {
    }

    /** The name the caller gave: the last node of the path ({@code rank.year} → {@code year}). */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }

    private static Reason reason(ConstraintViolation<?> violation) {
        Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String type = annotation == null ? "" : annotation.annotationType().getSimpleName();
        return switch (type) {
            case "NotNull", "NotBlank", "NotEmpty" -> new Reason("REQUIRED", Message.of("validation.required"));
            case "OneOf" -> new Reason("ONE_OF", Message.of("validation.oneOf", "values", Arrays.asList((String[]) attributes.get("value"))));
            case "BuddhistYear" -> new Reason("YEAR_RANGE", Message.of("validation.yearRange", "min", BuddhistYear.MIN, "max", BuddhistYear.MAX));
            case "Min" -> new Reason("RANGE", Message.of("validation.atLeast", "min", attributes.get("value")));
            case "Max" -> new Reason("RANGE", Message.of("validation.atMost", "max", attributes.get("value")));
            case "Size" -> violation.getInvalidValue() instanceof Collection<?>
                    ? new Reason("SIZE", Message.of("validation.size", "min", attributes.get("min"), "max", attributes.get("max")))
                    : new Reason("LENGTH", Message.of("validation.length", "min", attributes.get("min"), "max", attributes.get("max")));
            default -> new Reason("INVALID", Message.of("validation.invalid"));
        };
    }
}
