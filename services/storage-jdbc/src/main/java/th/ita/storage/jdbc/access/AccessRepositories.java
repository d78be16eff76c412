package th.ita.storage.jdbc.access;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Micronaut Data repositories of tenants, users, tokens and audit events (schema: V2__tenants_users_tokens_audit.sql). */
final class AccessRepositories {
    private AccessRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface TenantRepository extends CrudRepository<TenantEntity, String> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface UserRepository extends CrudRepository<UserEntity, Long> {
        List<UserEntity> findByUsername(String username);

        Optional<UserEntity> findByTenantIdAndUsername(String tenantId, String username);

        Optional<UserEntity> findByTenantIdAndId(String tenantId, Long id);

        List<UserEntity> findByTenantIdOrderByUsername(String tenantId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AccessTokenRepository extends CrudRepository<AccessTokenEntity, Long> {
        Optional<AccessTokenEntity> findByTokenHash(String tokenHash);

        Optional<AccessTokenEntity> findByTenantIdAndId(String tenantId, Long id);

        List<AccessTokenEntity> findByTenantIdAndKindOrderByIdDesc(String tenantId, String kind);

        List<AccessTokenEntity> findByUserIdAndRevokedAtIsNull(Long userId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AuditEventRepository extends CrudRepository<AuditEventEntity, Long> {
        List<AuditEventEntity> findByTenantIdOrderByIdDesc(String tenantId, Pageable pageable);
    }
}
