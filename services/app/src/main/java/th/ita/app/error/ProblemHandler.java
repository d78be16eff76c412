package th.ita.app.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import th.ita.core.error.ItaException;

/** Turns the platform's errors into RFC 9457 problem+json with the status their code calls for. */
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
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.of("application/problem+json"))
                .body(Problem.of(status, exception.code().name(), exception.getMessage(), request.getPath()));
    }
}
