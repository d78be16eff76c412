package th.ita.app.access;

import static java.util.Objects.requireNonNull;

import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import th.ita.core.access.AccessScope;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.tenant.TenantId;

/**
 * Who is asking: their user, the token they used, and the scope of what they may read and do. A
 * {@link Principal}, so a controller takes it as an argument bound from the request (and the API
 * document does not list it as a parameter).
 */
public record Caller(long userId, long tokenId, AccessScope scope) implements Principal {
    public static final String ATTRIBUTE = "ita.caller";

    public Caller {
        requireNonNull(scope, "scope is null");
    }

    /** The caller behind an authenticated request. */
    public static Caller of(Authentication authentication) {
        Object caller = authentication.getAttributes().get(ATTRIBUTE);
        if (!(caller instanceof Caller found)) {
            throw new ItaException(ErrorCode.FORBIDDEN, Message.of("problem.forbidden"));
        }
        return found;
    }

    /** Whoever runs the platform itself (the command line): a tenant admin's scope, with no user or token behind it. */
    public static Caller platformOperator(TenantId tenant) {
        return new Caller(0, 0, AccessScope.platformOperator(tenant));
    }

    public String username() {
        return scope.username();
    }

    @Override
    public String getName() {
        return scope.username();
    }
}
