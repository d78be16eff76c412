package th.ita.app.access;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import th.ita.app.error.Problem;
import th.ita.core.tenant.TenantId;

/** Sign-in with a password for people; the answer is a bearer token for the session. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private final AccessRepositories.UserRepository users;
    private final AccessTokens tokens;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    SignInController(AccessRepositories.UserRepository users, AccessTokens tokens, SignInThrottle throttle, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Serdeable
    record SignIn(String username, String password) {
    }

    @Serdeable
    record Session(String token, String tokenType, Instant expiresAt, String tenant, String role, String username) {
    }

    /** 200 with a session token; 401 for a wrong username or password (the same answer for both); 429 when throttled. */
    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignIn signIn) {
        String username = signIn.username() == null ? "" : signIn.username().strip().toLowerCase(java.util.Locale.ROOT);
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        long wait = throttle.secondsToWait(username, address);
        if (wait > 0) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait))
                    .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "THROTTLED", "too many failed sign-ins; try again in " + wait + " s", "/api/sign-in"));
        }
        Optional<UserEntity> user = users.findByUsername(username).filter(u -> !u.disabled());
        if (user.isEmpty() || !Passwords.matches(signIn.password(), user.get().passwordHash())) {
            throttle.failed(username, address);
            user.ifPresent(u -> audit.record(TenantId.of(u.tenantId()), username, "SIGN_IN_FAILED", "user " + username, "from " + address));
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(Problem.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "wrong username or password", "/api/sign-in"));
        }
        throttle.succeeded(username);
        UserEntity found = user.get();
        AccessTokens.IssuedToken token = tokens.issue(found.id(), found.tenantId(), AccessTokens.SESSION, "sign-in from " + address, SESSION_LIFETIME);
        audit.record(TenantId.of(found.tenantId()), username, "SIGN_IN", "user " + username, "from " + address);
        return HttpResponse.ok(new Session(token.token(), "Bearer", token.expiresAt(), found.tenantId(), found.role(), found.username()));
    }

    /** Ends the session (or revokes the API token) the request was made with. */
    @Post("/sign-out")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        tokens.revoke(caller.scope().tenant().value(), caller.tokenId());
        audit.record(caller.scope().tenant(), caller.username(), "SIGN_OUT", "token " + caller.tokenId(), "");
        return HttpResponse.noContent();
    }
}
