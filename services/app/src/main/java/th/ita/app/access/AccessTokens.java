package th.ita.app.access;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import th.ita.core.access.AccessScope;
import th.ita.core.access.Role;
import th.ita.core.tenant.TenantId;

/**
 * Opaque bearer tokens: random, shown once, stored only as a SHA-256, with an expiry and revocation.
 * Validated tokens are remembered for a minute so that every request does not cost a query; revoking
 * or disabling through this instance takes effect at once.
 */
@Singleton
public class AccessTokens {
    public static final String SESSION = "SESSION";
    public static final String API = "API";
    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();
    private final AccessRepositories.AccessTokenRepository tokens;
    private final AccessRepositories.UserRepository users;
    private final AccessRepositories.TenantRepository tenants;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    AccessTokens(AccessRepositories.AccessTokenRepository tokens, AccessRepositories.UserRepository users, AccessRepositories.TenantRepository tenants) {
        this.tokens = tokens;
        this.users = users;
        this.tenants = tenants;
    }

    private record Remembered(Caller caller, Instant until) {
    }

    /** A new token for a user; the plain text is returned once and never stored. */
    public IssuedToken issue(long userId, String tenantId, String kind, String name, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = (SESSION.equals(kind) ? "ita_s_" : "ita_a_") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        AccessTokenEntity saved = tokens.save(new AccessTokenEntity(null, tenantId, userId, kind, name, sha256(token), now, now.plus(lifetime), null));
        return new IssuedToken(saved.id(), token, saved.expiresAt());
    }

    /** A token and its id, as issued. */
    public record IssuedToken(long id, String token, Instant expiresAt) {
    }

    /** The caller a token stands for, if it is known, unexpired, unrevoked and its user enabled. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = Instant.now();
        Remembered known = remembered.get(hash);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.caller());
        }
        Optional<AccessTokenEntity> found = tokens.findByTokenHash(hash)
                .filter(t -> t.revokedAt() == null && t.expiresAt().isAfter(now));
        if (found.isEmpty()) {
            remembered.remove(hash);
            return Optional.empty();
        }
        AccessTokenEntity entity = found.get();
        Optional<UserEntity> user = users.findById(entity.userId()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        boolean published = tenants.findById(entity.tenantId()).map(TenantEntity::publishPeerDetail).orElse(false);
        Caller caller = new Caller(user.get().id(), entity.id(), scopeOf(user.get(), published));
        Instant until = now.plus(REMEMBER);
        remembered.put(hash, new Remembered(caller, until.isBefore(entity.expiresAt()) ? until : entity.expiresAt()));
        return Optional.of(caller);
    }

    static AccessScope scopeOf(UserEntity user, boolean peerDetailPublished) {
        Set<String> provinces = Arrays.stream(user.provinceCodes().split(",")).filter(code -> !code.isBlank()).collect(Collectors.toSet());
        return new AccessScope(TenantId.of(user.tenantId()), user.username(), Role.valueOf(user.role()), provinces, user.organizationId(), peerDetailPublished);
    }

    /** Revokes one token of a tenant; false when there is none with this id. */
    public boolean revoke(String tenantId, long tokenId) {
        Optional<AccessTokenEntity> token = tokens.findByTenantIdAndId(tenantId, tokenId);
        token.filter(t -> t.revokedAt() == null).ifPresent(t -> {
            tokens.update(t.revoked(Instant.now()));
            remembered.remove(t.tokenHash());
        });
        return token.isPresent();
    }

    /** Revokes every token of a user (on disabling them). */
    public void revokeAllOf(long userId) {
        Instant now = Instant.now();
        for (AccessTokenEntity token : tokens.findByUserIdAndRevokedAtIsNull(userId)) {
            tokens.update(token.revoked(now));
            remembered.remove(token.tokenHash());
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
