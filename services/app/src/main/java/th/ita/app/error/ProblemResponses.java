package th.ita.app.error;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.app.message.RequestLanguage;

/**
 * The framework's own errors as problem+json too: an unknown route (404), a wrong method (405), an
 * unsupported content type (415), a missing or unconvertible parameter and malformed JSON (400), and
 * every unexpected exception (500). A 5xx never shows the exception's text — it can hold SQL, class
 * names and versions — only a reference under which the log keeps it.
 */
@Singleton
@Primary
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final int MAX_DETAIL = 500;

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String instance = context.getRequest().getPath();
        Problem problem;
        if (status.getCode() >= 500) {
            String reference = Problem.newReference();
            Throwable cause = context.getRootCause().orElse(null);
            LOG.error("{} {} answered {} [reference {}]: {}", context.getRequest().getMethod(), instance, status.getCode(), reference,
                    context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; ")), cause);
            problem = Problem.fault(status, "INTERNAL_ERROR", reference, instance, RequestLanguage.of(context.getRequest()));
        } else {
            problem = Problem.of(status, codeOf(status), detailOf(context, status), instance, RequestLanguage.of(context.getRequest()));
        }
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case REQUEST_ENTITY_TOO_LARGE -> "TOO_LARGE";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            default -> "INVALID_INPUT";
        };
    }

    private static String detailOf(ErrorContext context, HttpStatus status) {
        String detail = context.getErrors().stream()
                .map(error -> error.getPath().map(path -> path.replaceFirst("^/", "") + ": ").orElse("") + error.getMessage())
                .collect(Collectors.joining("; "));
        if (status == HttpStatus.NOT_FOUND && (detail.isBlank() || detail.equals("Page Not Found"))) {
            detail = "no such resource: " + context.getRequest().getPath();
        }
        if (detail.isBlank()) {
            detail = status.getReason();
        }
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }
}
