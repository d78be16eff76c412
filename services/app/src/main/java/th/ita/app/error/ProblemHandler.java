package th.ita.app.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import th.ita.app.message.RequestLanguage;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * Turns the platform's errors into RFC 9457 problem+json with the status their code calls for, title
 * and detail in the caller's language (Thai unless English is asked for).
 */
@Singleton
@Produces("application/problem+json")
@Requires(classes = {ItaException.class, ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<ItaException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ItaException exception) {
        HttpStatus status = switch (exception.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case STORAGE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        Language language = RequestLanguage.of(request);
        String detail = exception.userMessage().map(message -> Messages.standard().render(message, language)).orElse(exception.getMessage());
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.of("application/problem+json"))
                .body(Problem.of(status, exception.code().name(), detail, request.getPath(), language));
    }
}
