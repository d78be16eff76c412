package th.ita.core.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import th.ita.core.tenant.TenantId;

/**
 * A person (or script owner) who signs in, in one tenant. {@code provinceCodes}: a province officer's
 * provinces; {@code organizationId}: an organization user's organization (null otherwise);
 * {@code passwordHash}: Argon2id, null for users who only hold API tokens.
 */
public record User(
        long id,
        TenantId tenant,
        String username,
        String displayName,
        Role role,
        List<String> provinceCodes,
        Long organizationId,
        String passwordHash,
        boolean disabled,
        Instant createdAt) {

    public User {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(username, "username is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(role, "role is null");
        requireNonNull(createdAt, "createdAt is null");
        provinceCodes = List.copyOf(provinceCodes);
    }
}
