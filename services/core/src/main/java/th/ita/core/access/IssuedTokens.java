package th.ita.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** The bearer tokens issued to users, sessions and API tokens (port). */
public interface IssuedTokens {
    /** Keeps a new token; the store assigns its id (the given one is ignored). */
    IssuedToken add(IssuedToken token);

    Optional<IssuedToken> byHash(String hash);

    Optional<IssuedToken> byId(TenantId tenant, long id);

    /** A tenant's tokens of one kind, newest first. */
    List<IssuedToken> ofKind(TenantId tenant, String kind);

    /** A user's tokens not revoked yet. */
    List<IssuedToken> unrevokedOf(long userId);

    void revoke(long id, Instant at);
}
