package th.ita.app.signin;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import th.ita.app.access.Caller;
import th.ita.core.access.AccessScope;
import th.ita.core.access.IssuedToken;
import th.ita.core.access.IssuedTokens;
import th.ita.core.access.Tenant;
import th.ita.core.access.Tenants;
import th.ita.core.access.User;
import th.ita.core.access.Users;
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
    private final IssuedTokens tokens;
    private final Users users;
    private final Tenants tenants;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    AccessTokens(IssuedTokens tokens, Users users, Tenants tenants) {
        this.tokens = tokens;
        this.users = users;
        this.tenants = tenants;
    }

    private record Remembered(Caller caller, Instant until) {
    }

    /** A new token for a user; the plain text is returned once and never stored. */
    public Issued issue(long userId, String tenantId, String kind, String name, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = (SESSION.equals(kind) ? "ita_s_" : "ita_a_") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        IssuedToken saved = tokens.add(new IssuedToken(0, TenantId.of(tenantId), userId, kind, name, sha256(token), now, now.plus(lifetime), null));
        return new Issued(saved.id(), token, saved.expiresAt());
    }

    /** A token and its id, as issued: the plain text exists only here. */
    public record Issued(long id, String token, Instant expiresAt) {
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
        Optional<IssuedToken> found = tokens.byHash(hash)
                .filter(t -> t.revokedAt() == null && t.expiresAt().isAfter(now));
        if (found.isEmpty()) {
            remembered.remove(hash);
            return Optional.empty();
        }
        IssuedToken entity = found.get();
        Optional<User> user = users.byId(entity.userId()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        boolean published = tenants.find(entity.tenant()).map(Tenant::publishPeerDetail).orElse(false);
        Caller caller = new Caller(user.get().id(), entity.id(), scopeOf(user.get(), published));
        Instant until = now.plus(REMEMBER);
        remembered.put(hash, new Remembered(caller, until.isBefore(entity.expiresAt()) ? until : entity.expiresAt()));
        return Optional.of(caller);
    }

    static AccessScope scopeOf(User user, boolean peerDetailPublished) {
        Set<String> provinces = Set.copyOf(user.provinceCodes());
        return new AccessScope(user.tenant(), user.username(), user.role(), provinces, user.organizationId(), peerDetailPublished);
    }

    /** Revokes one token of a tenant; false when there is none with this id. */
    public boolean revoke(String tenantId, long tokenId) {
        Optional<IssuedToken> token = tokens.byId(TenantId.of(tenantId), tokenId);
        token.filter(t -> t.revokedAt() == null).ifPresent(t -> {
            tokens.revoke(t.id(), Instant.now());
            remembered.remove(t.hash());
        });
        return token.isPresent();
    }

    /** Revokes every token of a user (on disabling them). */
    public void revokeAllOf(long userId) {
        Instant now = Instant.now();
        for (IssuedToken token : tokens.unrevokedOf(userId)) {
            tokens.revoke(token.id(), now);
            remembered.remove(token.hash());
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
