package th.ita.core.group;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import th.ita.core.tenant.TenantId;

/** Saved custom peer groups of each tenant (port). */
public interface PeerGroups {
    /** Saves a group with its members, all or none. */
    SavedPeerGroup save(TenantId tenant, String name, String createdBy, Collection<Long> organizationIds);

    /** A tenant's groups by name. */
    List<SavedPeerGroup> of(TenantId tenant);

    Optional<SavedPeerGroup> find(TenantId tenant, long id);

    /** The organization ids of a group's members. */
    List<Long> members(TenantId tenant, long id);

    /** Deletes a group and its members. */
    void delete(TenantId tenant, long id);
}
