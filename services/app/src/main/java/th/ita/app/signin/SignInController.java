package th.ita.app.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import th.ita.app.access.Caller;
import th.ita.app.error.Problem;
import th.ita.app.message.RequestLanguage;
import th.ita.app.web.ClientAddress;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/** Sign-in with a password for people; the answer is a bearer token for the session. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {
    private final PasswordSignIn signIns;

    private final ClientAddress clients;

    SignInController(PasswordSignIn signIns, ClientAddress clients) {
        this.signIns = signIns;
        this.clients = clients;
    }

    @Serdeable
    record SignIn(String username, String password, @io.micronaut.core.annotation.Nullable String tenant) {
    }

    @Serdeable
    record Session(String token, String tokenType, Instant expiresAt, String tenant, String role, String username) {
    }

    /** 200 with a session token; 401 for a wrong username or password (the same answer for both); 429 when throttled. */
    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignIn signIn) {
        String address = clients.of(request);
        Language language = RequestLanguage.of(request);
        PasswordSignIn.Outcome outcome = signIns.signIn(signIn.tenant(), signIn.username(), signIn.password(), address);
        if (outcome instanceof PasswordSignIn.Throttled throttled) {
            long wait = throttled.seconds();
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait))
                    .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "THROTTLED", Messages.standard().render("problem.signInThrottled", language, "seconds", wait),
                            "/api/sign-in", language));
        }
        if (outcome instanceof PasswordSignIn.SignedIn signed) {
            return HttpResponse.ok(new Session(signed.token().token(), "Bearer", signed.token().expiresAt(), signed.tenant(), signed.role(), signed.username()));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(Problem.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", Messages.standard().render("problem.wrongCredentials", language), "/api/sign-in", language));
    }

    /** Ends the session (or revokes the API token) the request was made with. */
    @Post("/sign-out")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(Authentication authentication) {
        signIns.signOut(Caller.of(authentication));
        return HttpResponse.noContent();
    }
}
