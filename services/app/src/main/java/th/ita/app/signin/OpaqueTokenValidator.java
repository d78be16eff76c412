package th.ita.app.signin;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import th.ita.app.access.Caller;

/** Turns a bearer token (a session from sign-in, or an API token) into an authenticated caller. */
@Singleton
class OpaqueTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final AccessTokens tokens;

    OpaqueTokenValidator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return tokens.authenticate(token)
                .map(caller -> Publishers.just(Authentication.build(caller.username(), List.of(caller.scope().role().name()),
                        Map.of(Caller.ATTRIBUTE, caller, "tenant", caller.scope().tenant().value()))))
                .orElseGet(Publishers::empty);
    }
}
