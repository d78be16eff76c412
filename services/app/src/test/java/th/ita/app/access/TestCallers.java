package th.ita.app.access;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import th.ita.app.administration.AccessAdministration;
import th.ita.app.signin.AccessTokens;
import th.ita.core.access.Role;
import th.ita.core.access.Users;
import th.ita.core.tenant.TenantId;

/** Creates tenants and users straight through the services, and hands out their bearer tokens. */
@Singleton
public class TestCallers {
    private final AccessAdministration administration;
    private final AccessTokens tokens;
    private final Users users;

    TestCallers(AccessAdministration administration, AccessTokens tokens, Users users) {
        this.administration = administration;
        this.tokens = tokens;
        this.users = users;
    }

    public void tenant(String tenant, boolean publishPeerDetail) {
        if (!administration.tenantExists(TenantId.of(tenant))) {
            administration.createTenant(TenantId.of(tenant), "ทดสอบ " + tenant, "test " + tenant, publishPeerDetail);
        }
    }

    /** A user of the tenant with a session token; returns the token. */
    public String token(String tenant, String username, Role role, List<String> provinces, String organizationCode) {
        tenant(tenant, false);
        administration.createUser(TenantId.of(tenant), "test", new AccessAdministration.NewUser(username, username, role,
                "correct horse battery staple", provinces, organizationCode));
        long userId = users.byUsername(TenantId.of(tenant), username).orElseThrow().id();
        return tokens.issue(userId, tenant, AccessTokens.SESSION, "test", Duration.ofHours(1)).token();
    }

    public String admin(String tenant) {
        return token(tenant, "admin-" + tenant, Role.TENANT_ADMIN, List.of(), null);
    }
}
