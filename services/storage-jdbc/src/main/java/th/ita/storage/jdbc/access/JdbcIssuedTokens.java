package th.ita.storage.jdbc.access;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import th.ita.core.access.IssuedToken;
import th.ita.core.access.IssuedTokens;
import th.ita.core.tenant.TenantId;

/** Issued tokens (their hashes) through Micronaut Data JDBC. */
@Singleton
class JdbcIssuedTokens implements IssuedTokens {
    private final AccessRepositories.AccessTokenRepository tokens;

    JdbcIssuedTokens(AccessRepositories.AccessTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public IssuedToken add(IssuedToken token) {
        return toDomain(tokens.save(new AccessTokenEntity(null, token.tenant().value(), token.userId(), token.kind(), token.name(), token.hash(),
                token.createdAt(), token.expiresAt(), token.revokedAt())));
    }

    @Override
    public Optional<IssuedToken> byHash(String hash) {
        return tokens.findByTokenHash(hash).map(JdbcIssuedTokens::toDomain);
    }

    @Override
    public Optional<IssuedToken> byId(TenantId tenant, long id) {
        return tokens.findByTenantIdAndId(tenant.value(), id).map(JdbcIssuedTokens::toDomain);
    }

    @Override
    public List<IssuedToken> ofKind(TenantId tenant, String kind) {
        return tokens.findByTenantIdAndKindOrderByIdDesc(tenant.value(), kind).stream().map(JdbcIssuedTokens::toDomain).toList();
    }

    @Override
    public List<IssuedToken> unrevokedOf(long userId) {
        return tokens.findByUserIdAndRevokedAtIsNull(userId).stream().map(JdbcIssuedTokens::toDomain).toList();
    }

    @Override
    public void revoke(long id, Instant at) {
        tokens.findById(id).filter(token -> token.revokedAt() == null).ifPresent(token -> tokens.update(token.revoked(at)));
    }

    private static IssuedToken toDomain(AccessTokenEntity entity) {
        return new IssuedToken(entity.id(), TenantId.of(entity.tenantId()), entity.userId(), entity.kind(), entity.name(), entity.tokenHash(),
                entity.createdAt(), entity.expiresAt(), entity.revokedAt());
    }
}
