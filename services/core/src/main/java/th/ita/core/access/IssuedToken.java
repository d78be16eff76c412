package th.ita.core.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import th.ita.core.tenant.TenantId;

/**
 * A bearer token the platform issued: {@code kind} SESSION (a sign-in) or API (a script's); only the
 * SHA-256 of the token ({@code hash}) is kept. {@code revokedAt} is null while it is not revoked.
 */
public record IssuedToken(long id, TenantId tenant, long userId, String kind, String name, String hash, Instant createdAt, Instant expiresAt,
                          Instant revokedAt) {
    public IssuedToken {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(hash, "hash is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
