package th.ita.app.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.ita.app.message.RequestLanguage;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * Turns the platform's errors into RFC 9457 problem+json with the status their code calls for, title
 * and detail in the caller's language (Thai unless English is asked for). A storage fault's message
 * and cause stay in the log (they can hold SQL and versions): the answer gives a reference to it.
 */
@Singleton
@Produces("application/problem+json")
@Requires(classes = {ItaException.class, ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<ItaException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

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
        Problem problem;
        if (exception.code() == ErrorCode.STORAGE_UNAVAILABLE) {
            String reference = Problem.newReference();
            LOG.error("{} {} failed [reference {}]", request.getMethod(), request.getPath(), reference, exception);
            problem = Problem.fault(status, exception.code().name(), reference, request.getPath(), language);
        } else {
            String detail = exception.userMessage().map(message -> Messages.standard().render(message, language)).orElse(exception.getMessage());
            problem = Problem.of(status, exception.code().name(), detail, request.getPath(), language);
        }
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
