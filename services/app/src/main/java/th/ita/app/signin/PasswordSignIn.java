package th.ita.app.signin;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import th.ita.app.access.Caller;
import th.ita.app.audit.AuditLog;
import th.ita.core.access.User;
import th.ita.core.message.Message;
import th.ita.core.tenant.TenantId;
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

    /** A sign-in by username alone, or by {@code username@tenant} when the name is used in several tenants. */
    public Outcome signIn(String rawUsername, String password, String address) {
        return signIn(null, rawUsername, password, address);
    }

    /**
     * Usernames are unique within a tenant. Without a tenant (and without {@code @tenant} in the name) a
     * name used in several tenants signs nobody in, with the same refusal as a wrong password. A refusal
     * takes as long for an unknown user as for a known one (the same Argon2 hash is computed).
     */
    public Outcome signIn(String tenant, String rawUsername, String password, String address) {
        String typed = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        int at = typed.lastIndexOf('@');
        boolean qualified = (tenant == null || tenant.isBlank()) && at > 0;
        String tenantId = qualified ? typed.substring(at + 1) : tenant == null || tenant.isBlank() ? null : tenant.strip();
        String username = qualified ? typed.substring(0, at) : typed;
        Optional<User> user = (tenantId == null ? users.byUsername(username) : tenant(tenantId).flatMap(t -> users.byUsername(t, username)))
                .filter(u -> !u.disabled());
        // Throttled per account (however it is named), or per name typed when no account answers to it.
        String throttled = user.map(u -> u.tenant().value() + "/" + u.username()).orElse(tenantId == null ? username : username + "@" + tenantId);
        long wait = throttle.secondsToWait(throttled, address);
        if (wait > 0) {
            return new Throttled(wait);
        }
        boolean matches = Passwords.matches(password, user.map(User::passwordHash).orElse(Passwords.DUMMY_HASH)) && user.isPresent();
        if (!matches) {
            throttle.failed(throttled, address);
            user.ifPresent(u -> audit.record(u.tenant(), username, "SIGN_IN_FAILED", Message.of("audit.target.user", "user", username),
                    Message.of("audit.detail.from", "address", address)));
            return new Refused();
        }
        throttle.succeeded(throttled, address);
        User found = user.get();
        AccessTokens.Issued token = tokens.issue(found.id(), found.tenant().value(), AccessTokens.SESSION, "sign-in from " + address, SESSION_LIFETIME);
        audit.record(found.tenant(), username, "SIGN_IN", Message.of("audit.target.user", "user", username), Message.of("audit.detail.from", "address", address));
        return new SignedIn(token, found.tenant().value(), found.role().name(), found.username());
    }

    private static Optional<TenantId> tenant(String id) {
        try {
            return Optional.of(TenantId.of(id));
        } catch (IllegalArgumentException notATenant) {
            return Optional.empty();
        }
    }

    /** Ends the session (or revokes the API token) of a caller. */
    public void signOut(Caller caller) {
        tokens.revoke(caller.scope().tenant().value(), caller.tokenId());
        audit.record(caller.scope().tenant(), caller.username(), "SIGN_OUT", Message.of("audit.target.token", "id", caller.tokenId()), Message.of("audit.detail.none"));
    }

    /** The name a user is greeted with. */
    public String displayName(Caller caller) {
        return users.byId(caller.userId()).map(User::displayName).orElse(caller.username());
    }
}
