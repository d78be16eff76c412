package th.ita.storage.jdbc.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("access_token")
record AccessTokenEntity(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        Long userId,
        String kind,
        String name,
        String tokenHash,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt) {

    AccessTokenEntity revoked(Instant at) {
        return new AccessTokenEntity(id, tenantId, userId, kind, name, tokenHash, createdAt, expiresAt, at);
    }
}
