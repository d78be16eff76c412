package th.ita.dashboards.port;

import static java.util.Objects.requireNonNull;

import java.util.List;
import th.ita.core.access.Role;

/**
 * The person signed in, as the pages greet them: who they are, their tenant, their role and what it
 * is scoped to (the provinces of a province officer, the organization of an organization user).
 */
public record Person(String username, String displayName, String tenant, Role role, List<String> provinceCodes, String organizationCode) {
    public Person {
        requireNonNull(username, "username is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(role, "role is null");
        provinceCodes = List.copyOf(provinceCodes);
    }

    public boolean canExport() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST || role == Role.PROVINCE_OFFICER;
    }

    public boolean administers() {
        return role == Role.TENANT_ADMIN;
    }

    public boolean analyses() {
        return role == Role.TENANT_ADMIN || role == Role.ANALYST;
    }
}
