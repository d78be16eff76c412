package th.ita.app.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

/** 401 (no or an invalid token) and 403 (a valid caller without the right) as problem+json. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SecurityProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        HttpStatus status = exception.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        String detail = exception.isForbidden() ? "you may not do this" : "sign in first: send 'Authorization: Bearer <token>' (POST /api/sign-in gives one)";
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).contentType(MediaType.of("application/problem+json"))
                .body(Problem.of(status, exception.isForbidden() ? "FORBIDDEN" : "UNAUTHORIZED", detail, request.getPath()));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}
