package th.ita.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import th.ita.app.access.MovableClock;
import th.ita.core.access.IssuedToken;
import th.ita.core.access.IssuedTokens;
import th.ita.core.access.Role;
import th.ita.core.access.Tenant;
import th.ita.core.access.Tenants;
import th.ita.core.access.User;
import th.ita.core.access.Users;
import th.ita.core.tenant.TenantId;

class AccessTokensTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private final StoredTokens stored = new StoredTokens();
    private final AccessTokens tokens = new AccessTokens(stored, new OneUser(), new OneTenant(), clock);

    @Test
    void believesAValidatedTokenForAFewSecondsAndThenAsksTheStoreAgain() {
        String token = tokens.issue(7, TENANT.value(), AccessTokens.SESSION, "browser", Duration.ofHours(8)).token();
        assertThat(tokens.authenticate(token)).isPresent();
        // Revoked in the store by another node: this one still believes its memory, but not past it.
        stored.revokeAll(clock.instant());
        assertThat(tokens.authenticate(token)).isPresent();

        clock.advance(AccessTokens.REMEMBER);

        assertThat(tokens.authenticate(token)).isEmpty();
    }

    @Test
    void forgetsTokensPastTheirTimeRatherThanRememberingEveryTokenEverUsed() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            issued.add(tokens.issue(7, TENANT.value(), AccessTokens.SESSION, "browser " + i, Duration.ofHours(8)).token());
        }
        issued.forEach(tokens::authenticate);
        assertThat(tokens.remembered()).isEqualTo(10_000);

        clock.advance(AccessTokens.REMEMBER.plusSeconds(1));
        String another = tokens.issue(7, TENANT.value(), AccessTokens.SESSION, "another", Duration.ofHours(8)).token();
        assertThat(tokens.authenticate(another)).isPresent();

        assertThat(tokens.remembered()).isEqualTo(1);
    }

    /** The issued tokens, as the store keeps them. */
    private static final class StoredTokens implements IssuedTokens {
        private final Map<Long, IssuedToken> byId = new ConcurrentHashMap<>();

        @Override
        public IssuedToken add(IssuedToken token) {
            IssuedToken saved = new IssuedToken(byId.size() + 1, token.tenant(), token.userId(), token.kind(), token.name(), token.hash(),
                    token.createdAt(), token.expiresAt(), token.revokedAt());
            byId.put(saved.id(), saved);
            return saved;
        }

        @Override
        public Optional<IssuedToken> byHash(String hash) {
            return byId.values().stream().filter(t -> t.hash().equals(hash)).findFirst();
        }

        @Override
        public Optional<IssuedToken> byId(TenantId tenant, long id) {
            return Optional.ofNullable(byId.get(id)).filter(t -> t.tenant().equals(tenant));
        }

        @Override
        public List<IssuedToken> ofKind(TenantId tenant, String kind) {
            return byId.values().stream().filter(t -> t.tenant().equals(tenant) && t.kind().equals(kind)).toList();
        }

        @Override
        public List<IssuedToken> unrevokedOf(long userId) {
            return byId.values().stream().filter(t -> t.userId() == userId && t.revokedAt() == null).toList();
        }

        @Override
        public void revoke(long id, Instant at) {
            byId.computeIfPresent(id, (key, t) -> new IssuedToken(t.id(), t.tenant(), t.userId(), t.kind(), t.name(), t.hash(), t.createdAt(),
                    t.expiresAt(), at));
        }

        void revokeAll(Instant at) {
            List.copyOf(byId.keySet()).forEach(id -> revoke(id, at));
        }
    }

    private static final class OneUser implements Users {
        private final User user = new User(7, TENANT, "somchai", "สมชาย", Role.PROVINCE_OFFICER, List.of("57"), null, "hash", false,
                Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public Optional<User> byUsername(String username) {
            return Optional.of(user).filter(u -> u.username().equals(username));
        }

        @Override
        public Optional<User> byUsername(TenantId tenant, String username) {
            return byUsername(username).filter(u -> u.tenant().equals(tenant));
        }

        @Override
        public Optional<User> byId(long id) {
            return Optional.of(user).filter(u -> u.id() == id);
        }

        @Override
        public Optional<User> byId(TenantId tenant, long id) {
            return byId(id).filter(u -> u.tenant().equals(tenant));
        }

        @Override
        public List<User> of(TenantId tenant) {
            return List.of(user);
        }

        @Override
        public User add(User added) {
            throw new UnsupportedOperationException("one user only");
        }

        @Override
        public User setDisabled(TenantId tenant, long id, boolean disabled) {
            throw new UnsupportedOperationException("one user only");
        }
    }

    private static final class OneTenant implements Tenants {
        @Override
        public boolean exists(TenantId tenant) {
            return tenant.equals(TENANT);
        }

        @Override
        public Optional<Tenant> find(TenantId tenant) {
            return Optional.of(new Tenant(TENANT, "เชียงราย", "Chiang Rai", false, Instant.parse("2026-01-01T00:00:00Z"))).filter(t -> t.id().equals(tenant));
        }

        @Override
        public void create(Tenant tenant) {
            throw new UnsupportedOperationException("one tenant only");
        }
    }
}
