package th.ita.core.access;

import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/**
 * The users of every tenant (port). Usernames are unique within a tenant, so that another tenant cannot
 * learn a name exists; a sign-in without a tenant finds the user only when one tenant has the name.
 */
public interface Users {
    /** The one user of this name, when exactly one tenant has it. */
    Optional<User> byUsername(String username);

    Optional<User> byUsername(TenantId tenant, String username);

    Optional<User> byId(long id);

    Optional<User> byId(TenantId tenant, long id);

    /** A tenant's users by username. */
    List<User> of(TenantId tenant);

    /** Adds a user; the store assigns its id (the given one is ignored). */
    User add(User user);

    User setDisabled(TenantId tenant, long id, boolean disabled);
}
