package th.ita.app.signin;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import th.ita.app.access.Caller;
import th.ita.app.audit.AuditLog;
import th.ita.core.access.User;
import th.ita.core.access.Users;

/**
 * Signing in with a password, for the API and the browser alike: throttled per username and address,
 * the same refusal for a wrong username and a wrong password, every attempt audited, a 12-hour session.
 */
@Singleton
public class PasswordSignIn {
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private final Users users;
    private final AccessTokens tokens;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    PasswordSignIn(Users users, AccessTokens tokens, SignInThrottle throttle, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The outcome: a session, a refusal, or seconds to wait. */
    public sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    public record SignedIn(AccessTokens.Issued token, String tenant, String role, String username) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Throttled(long seconds) implements Outcome {
    }

    public Outcome signIn(String rawUsername, String password, String address) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        long wait = throttle.secondsToWait(username, address);
        if (wait > 0) {
            return new Throttled(wait);
        }
        Optional<User> user = users.byUsername(username).filter(u -> !u.disabled());
        if (user.isEmpty() || !Passwords.matches(password, user.get().passwordHash())) {
            throttle.failed(username, address);
            user.ifPresent(u -> audit.record(u.tenant(), username, "SIGN_IN_FAILED", "user " + username, "from " + address));
            return new Refused();
        }
        throttle.succeeded(username);
        User found = user.get();
        AccessTokens.Issued token = tokens.issue(found.id(), found.tenant().value(), AccessTokens.SESSION, "sign-in from " + address, SESSION_LIFETIME);
        audit.record(found.tenant(), username, "SIGN_IN", "user " + username, "from " + address);
        return new SignedIn(token, found.tenant().value(), found.role().name(), found.username());
    }

    /** Ends the session (or revokes the API token) of a caller. */
    public void signOut(Caller caller) {
        tokens.revoke(caller.scope().tenant().value(), caller.tokenId());
        audit.record(caller.scope().tenant(), caller.username(), "SIGN_OUT", "token " + caller.tokenId(), "");
    }

    /** The name a user is greeted with. */
    public String displayName(Caller caller) {
        return users.byId(caller.userId()).map(User::displayName).orElse(caller.username());
    }
}
