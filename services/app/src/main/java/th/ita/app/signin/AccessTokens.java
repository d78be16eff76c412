package th.ita.app.signin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
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
 * Validated tokens are remembered for a few seconds so that a page's burst of requests (the page, its
 * charts, its downloads) costs one look-up; revoking or disabling through this node takes effect at once,
 * through any other node within {@link #REMEMBER}. Remembered tokens past their time are swept out, so
 * the memory is that of the tokens used within the last few seconds.
 */
@Singleton
public class AccessTokens {
    public static final String SESSION = "SESSION";
    public static final String API = "API";
    /** How long a validated token is believed without asking the store: how long another node's revocation takes here. */
    public static final Duration REMEMBER = Duration.ofSeconds(5);
    /** Past this many remembered tokens, those past their time are swept out before another is remembered. */
    private static final int SWEEP_ABOVE = 10_000;
    private final SecureRandom random = new SecureRandom();
    private final IssuedTokens tokens;
    private final Users users;
    private final Tenants tenants;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    AccessTokens(IssuedTokens tokens, Users users, Tenants tenants) {
        this(tokens, users, tenants, Clock.systemUTC());
    }

    AccessTokens(IssuedTokens tokens, Users users, Tenants tenants, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.tenants = tenants;
        this.clock = clock;
    }

    private record Remembered(Caller caller, Instant until) {
    }

    /** A new token for a user; the plain text is returned once and never stored. */
    public Issued issue(long userId, String tenantId, String kind, String name, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = (SESSION.equals(kind) ? "ita_s_" : "ita_a_") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
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
        Instant now = clock.instant();
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
        if (remembered.size() >= SWEEP_ABOVE) {
            remembered.values().removeIf(r -> !r.until().isAfter(now));
        }
        remembered.put(hash, new Remembered(caller, until.isBefore(entity.expiresAt()) ? until : entity.expiresAt()));
        return Optional.of(caller);
    }

    static AccessScope scopeOf(User user, boolean peerDetailPublished) {
        Set<String> provinces = Set.copyOf(user.provinceCodes());
        return new AccessScope(user.tenant(), user.username(), user.role(), provinces, user.organizationId(), peerDetailPublished);
    }

    /** How many validated tokens are remembered now (for tests of the bound). */
    int remembered() {
        return remembered.size();
    }

    /** Revokes one token of a tenant; false when there is none with this id. */
    public boolean revoke(String tenantId, long tokenId) {
        Optional<IssuedToken> token = tokens.byId(TenantId.of(tenantId), tokenId);
        token.filter(t -> t.revokedAt() == null).ifPresent(t -> {
            tokens.revoke(t.id(), clock.instant());
            remembered.remove(t.hash());
        });
        return token.isPresent();
    }

    /** Revokes every token of a user (on disabling them). */
    public void revokeAllOf(long userId) {
        Instant now = clock.instant();
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
