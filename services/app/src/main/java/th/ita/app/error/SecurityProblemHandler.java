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
import th.ita.app.message.RequestLanguage;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/** 401 (no or an invalid token) and 403 (a valid caller without the right) as problem+json. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class SecurityProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        HttpStatus status = exception.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        Language language = RequestLanguage.of(request);
        String detail = Messages.standard().render(exception.isForbidden() ? "problem.forbidden" : "problem.unauthorized", language);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).contentType(MediaType.of("application/problem+json"))
                .body(Problem.of(status, exception.isForbidden() ? "FORBIDDEN" : "UNAUTHORIZED", detail, request.getPath(), language));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}
