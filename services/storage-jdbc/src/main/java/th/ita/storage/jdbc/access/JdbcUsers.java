package th.ita.storage.jdbc.access;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import th.ita.core.access.Role;
import th.ita.core.access.User;
import th.ita.core.access.Users;
import th.ita.core.error.ItaException;
import th.ita.core.tenant.TenantId;

/** Users through Micronaut Data JDBC; a province officer's provinces are kept comma-separated. */
@Singleton
class JdbcUsers implements Users {
    private final AccessRepositories.UserRepository users;

    JdbcUsers(AccessRepositories.UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<User> byUsername(String username) {
        List<UserEntity> named = users.findByUsername(username);
        return named.size() == 1 ? Optional.of(toDomain(named.get(0))) : Optional.empty();
    }

    @Override
    public Optional<User> byUsername(TenantId tenant, String username) {
        return users.findByTenantIdAndUsername(tenant.value(), username).map(JdbcUsers::toDomain);
    }

    @Override
    public Optional<User> byId(long id) {
        return users.findById(id).map(JdbcUsers::toDomain);
    }

    @Override
    public Optional<User> byId(TenantId tenant, long id) {
        return users.findByTenantIdAndId(tenant.value(), id).map(JdbcUsers::toDomain);
    }

    @Override
    public List<User> of(TenantId tenant) {
        return users.findByTenantIdOrderByUsername(tenant.value()).stream().map(JdbcUsers::toDomain).toList();
    }

    @Override
    public User add(User user) {
        return toDomain(users.save(new UserEntity(null, user.tenant().value(), user.username(), user.displayName(), user.role().name(),
                String.join(",", user.provinceCodes()), user.organizationId(), user.passwordHash(), user.disabled(), user.createdAt())));
    }

    @Override
    public User setDisabled(TenantId tenant, long id, boolean disabled) {
        UserEntity user = users.findByTenantIdAndId(tenant.value(), id).orElseThrow(() -> ItaException.notFound(th.ita.core.message.Message.of("problem.userNotFound", "id", id)));
        return toDomain(users.update(user.withDisabled(disabled)));
    }

    private static User toDomain(UserEntity entity) {
        List<String> provinces = entity.provinceCodes().isBlank() ? List.of() : List.of(entity.provinceCodes().split(","));
        return new User(entity.id(), TenantId.of(entity.tenantId()), entity.username(), entity.displayName(), Role.valueOf(entity.role()), provinces,
                entity.organizationId(), entity.passwordHash(), entity.disabled(), entity.createdAt());
    }
}
