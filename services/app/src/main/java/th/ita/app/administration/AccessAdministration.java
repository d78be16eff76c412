package th.ita.app.administration;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import th.ita.app.audit.AuditLog;
import th.ita.app.signin.AccessTokens;
import th.ita.app.signin.Passwords;
import th.ita.core.access.IssuedToken;
import th.ita.core.access.IssuedTokens;
import th.ita.core.access.Role;
import th.ita.core.access.Tenant;
import th.ita.core.access.Tenants;
import th.ita.core.access.User;
import th.ita.core.access.Users;
import th.ita.core.audit.AuditLabels;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.geography.Geography;
import th.ita.core.message.Message;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;

/** Tenants, users and API tokens: what tenant admins manage. Every change is audited. */
@Singleton
public class AccessAdministration {
    public static final int MAX_TOKEN_DAYS = 365;
    /** Column widths of the store: longer input is refused at the edge, naming the field, never left to the database. */
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_TOKEN_NAME = 200;
    static final int MAX_ORGANIZATION_CODE = 40;
    static final int MAX_PROVINCES = 77;
    private static final int MAX_PROVINCE_NAME = 100;
    private final Tenants tenants;
    private final Users users;
    private final IssuedTokens issuedTokens;
    private final AccessTokens tokens;
    private final Organizations organizations;
    private final Geography geography;
    private final AuditLog audit;

    AccessAdministration(Tenants tenants, Users users, IssuedTokens issuedTokens, AccessTokens tokens, Organizations organizations,
                         Geography geography, AuditLog audit) {
        this.tenants = tenants;
        this.users = users;
        this.issuedTokens = issuedTokens;
        this.tokens = tokens;
        this.organizations = organizations;
        this.geography = geography;
        this.audit = audit;
    }

    public boolean tenantExists(TenantId tenant) {
        return tenants.exists(tenant);
    }

    public void createTenant(TenantId tenant, String nameTh, String nameEn, boolean publishPeerDetail) {
        tenants.create(new Tenant(tenant, nameTh, nameEn, publishPeerDetail, Instant.now()));
        audit.record(tenant, "system", "TENANT_CREATED", Message.of("audit.target.tenant", "tenant", tenant.value()), Message.of("audit.detail.name", "name", nameTh));
    }

    /** A user to create; provinces by code or name (province officers), organization by code (organization users). */
    @Serdeable
    public record NewUser(String username, String displayName, Role role, String password, List<String> provinces, String organizationCode) {
    }

    /** A user as tenant admins see them (never the password hash). */
    @Serdeable
    public record UserView(long id, String username, String displayName, Role role, List<String> provinceCodes, String organizationCode, boolean disabled) {
    }

    public UserView createUser(TenantId tenant, String actor, NewUser user) {
        String username = user.username() == null ? "" : user.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,99}")) {
            throw ItaException.invalidInput(Message.of("account.usernameInvalid"));
        }
        if (user.role() == null) {
            throw ItaException.invalidInput(Message.of("account.roleRequired", "roles", "TENANT_ADMIN, ANALYST, PROVINCE_OFFICER, ORGANIZATION_USER"));
        }
        // Unique within the tenant only: whether another tenant has this name is none of this tenant's business.
        if (users.byUsername(tenant, username).isPresent()) {
            throw new ItaException(ErrorCode.CONFLICT, Message.of("account.usernameTaken", "username", username));
        }
        String displayName = user.displayName() == null || user.displayName().isBlank() ? username : user.displayName().strip();
        requireLength("displayName", displayName, MAX_DISPLAY_NAME);
        List<String> provinceCodes = new ArrayList<>();
        if (user.role() == Role.PROVINCE_OFFICER) {
            if (user.provinces() == null || user.provinces().isEmpty()) {
                throw ItaException.invalidInput(Message.of("account.provinceOfficerNeedsProvince"));
            }
            if (user.provinces().size() > MAX_PROVINCES) {
                throw ItaException.invalidInput(Message.of("account.tooManyProvinces", "maximum", MAX_PROVINCES, "count", user.provinces().size()));
            }
            for (String province : user.provinces()) {
                if (province == null || province.length() > MAX_PROVINCE_NAME) {
                    throw ItaException.invalidInput(Message.of("account.provinceInvalid", "maximum", MAX_PROVINCE_NAME));
                }
                String code = geography.province(province)
                        .orElseThrow(() -> ItaException.invalidInput(Message.of("account.unknownProvince", "province", province))).code();
                if (!provinceCodes.contains(code)) {
                    provinceCodes.add(code);
                }
            }
        }
        Long organizationId = null;
        if (user.role() == Role.ORGANIZATION_USER) {
            if (user.organizationCode() == null) {
                throw ItaException.invalidInput(Message.of("account.organizationUserNeedsOrganization"));
            }
            requireLength("organizationCode", user.organizationCode(), MAX_ORGANIZATION_CODE);
            organizationId = organizations.byCode(tenant, user.organizationCode())
                    .orElseThrow(() -> ItaException.invalidInput(Message.of("account.unknownOrganization", "code", user.organizationCode()))).id();
        }
        User saved = users.add(new User(0, tenant, username, displayName, user.role(), provinceCodes, organizationId,
                Passwords.hash(user.password()), false, Instant.now()));
        audit.record(tenant, actor, "USER_CREATED", Message.of("audit.target.user", "user", username), Message.of("audit.detail.role", "role", AuditLabels.role(user.role())));
        return view(saved);
    }

    public List<UserView> users(TenantId tenant) {
        return users.of(tenant).stream().map(this::view).toList();
    }

    /**
     * Disables or enables a user. The last active tenant admin cannot be disabled (409): nobody could then
     * manage the tenant's users or load its data. Two admins disabling each other at once cannot both
     * succeed: after the change the active admins are counted again, and a change that left none is undone.
     */
    public UserView setDisabled(TenantId tenant, String actor, long userId, boolean disabled) {
        User user = users.byId(tenant, userId).orElseThrow(() -> ItaException.notFound(Message.of("problem.userNotFound", "id", userId)));
        boolean lastAdmin = disabled && !user.disabled() && user.role() == Role.TENANT_ADMIN;
        if (lastAdmin && activeAdmins(tenant) <= 1) {
            throw lastActiveAdmin(user);
        }
        User updated = users.setDisabled(tenant, userId, disabled);
        if (lastAdmin && activeAdmins(tenant) == 0) {
            users.setDisabled(tenant, userId, false);
            throw lastActiveAdmin(user);
        }
        if (disabled) {
            tokens.revokeAllOf(userId);
        }
        audit.record(tenant, actor, disabled ? "USER_DISABLED" : "USER_ENABLED", Message.of("audit.target.user", "user", updated.username()), Message.of("audit.detail.none"));
        return view(updated);
    }

    private long activeAdmins(TenantId tenant) {
        return users.of(tenant).stream().filter(u -> !u.disabled() && u.role() == Role.TENANT_ADMIN).count();
    }

    private static ItaException lastActiveAdmin(User user) {
        return new ItaException(ErrorCode.CONFLICT, Message.of("account.lastActiveAdmin", "username", user.username()));
    }

    /** An API token as listed (the token itself is shown only when created). */
    @Serdeable
    public record TokenView(long id, String name, String username, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A new API token, with its secret shown this once. */
    @Serdeable
    public record NewToken(long id, String token, Instant expiresAt) {
    }

    public NewToken createApiToken(TenantId tenant, String actor, long userId, String name, int days) {
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw ItaException.invalidInput(Message.of("account.tokenDays", "maximum", MAX_TOKEN_DAYS));
        }
        User user = users.byId(tenant, userId).filter(u -> !u.disabled())
                .orElseThrow(() -> ItaException.notFound(Message.of("problem.userNotFound", "id", userId)));
        String label = name == null || name.isBlank() ? "api token" : name.strip();
        requireLength("name", label, MAX_TOKEN_NAME);
        AccessTokens.Issued issued = tokens.issue(user.id(), tenant.value(), AccessTokens.API, label, Duration.ofDays(days));
        audit.record(tenant, actor, "TOKEN_CREATED", Message.of("audit.target.token", "id", issued.id()),
                Message.of("audit.detail.token", "user", user.username(), "name", label, "days", days));
        return new NewToken(issued.id(), issued.token(), issued.expiresAt());
    }

    public List<TokenView> apiTokens(TenantId tenant) {
        return issuedTokens.ofKind(tenant, AccessTokens.API).stream()
                .map((IssuedToken t) -> new TokenView(t.id(), t.name(), users.byId(t.userId()).map(User::username).orElse("?"),
                        t.createdAt(), t.expiresAt(), t.revokedAt()))
                .toList();
    }

    public void revokeToken(TenantId tenant, String actor, long tokenId) {
        if (!tokens.revoke(tenant.value(), tokenId)) {
            throw ItaException.notFound(Message.of("problem.tokenNotFound", "id", tokenId));
        }
        audit.record(tenant, actor, "TOKEN_REVOKED", Message.of("audit.target.token", "id", tokenId), Message.of("audit.detail.none"));
    }

    private static void requireLength(String field, String value, int max) {
        if (value.length() > max) {
            throw ItaException.invalidInput(Message.of("account.tooLong", "field", field, "maximum", max, "length", value.length()));
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ItaException.invalidInput(Message.of("account.controlCharacters", "field", field));
        }
    }

    private UserView view(User user) {
        String organizationCode = Optional.ofNullable(user.organizationId())
                .flatMap(id -> organizations.byId(user.tenant(), id)).map(Organization::code).orElse(null);
        return new UserView(user.id(), user.username(), user.displayName(), user.role(), user.provinceCodes(), organizationCode, user.disabled());
    }
}
