package th.ita.storage.jdbc.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("app_user")
record UserEntity(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String username,
        String displayName,
        String role,
        String provinceCodes,
        @Nullable Long organizationId,
        @Nullable String passwordHash,
        boolean disabled,
        Instant createdAt) {

    UserEntity withDisabled(boolean value) {
        return new UserEntity(id, tenantId, username, displayName, role, provinceCodes, organizationId, passwordHash, value, createdAt);
    }
}
