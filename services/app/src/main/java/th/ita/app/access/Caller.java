package th.ita.app.access;

import static java.util.Objects.requireNonNull;

import io.micronaut.security.authentication.Authentication;
import th.ita.core.access.AccessScope;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;

/** Who is asking: their user, the token they used, and the scope of what they may read and do. */
public record Caller(long userId, long tokenId, AccessScope scope) {
    static final String ATTRIBUTE = "ita.caller";

    public Caller {
        requireNonNull(scope, "scope is null");
    }

    /** The caller behind an authenticated request. */
    public static Caller of(Authentication authentication) {
        Object caller = authentication.getAttributes().get(ATTRIBUTE);
        if (!(caller instanceof Caller found)) {
            throw new ItaException(ErrorCode.FORBIDDEN, "no caller on this request");
        }
        return found;
    }

    public String username() {
        return scope.username();
    }
}
