package th.ita.storage.jdbc.group;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import th.ita.core.group.PeerGroups;
import th.ita.core.group.SavedPeerGroup;
import th.ita.core.tenant.TenantId;

/** Saved peer groups through Micronaut Data JDBC. */
@Singleton
class JdbcPeerGroups implements PeerGroups {
    private final PeerGroupRepositories.Groups groups;
    private final PeerGroupRepositories.Members members;

    JdbcPeerGroups(PeerGroupRepositories.Groups groups, PeerGroupRepositories.Members members) {
        this.groups = groups;
        this.members = members;
    }

    @Override
    @Transactional
    public SavedPeerGroup save(TenantId tenant, String name, String createdBy, Collection<Long> organizationIds) {
        PeerGroupEntity saved = groups.save(new PeerGroupEntity(null, tenant.value(), name, createdBy, Instant.now()));
        for (long id : new LinkedHashSet<>(organizationIds)) {
            members.save(new PeerGroupMemberEntity(new PeerGroupMemberEntity.Key(saved.id(), id)));
        }
        return toDomain(saved);
    }

    @Override
    public List<SavedPeerGroup> of(TenantId tenant) {
        return groups.findByTenantIdOrderByName(tenant.value()).stream().map(JdbcPeerGroups::toDomain).toList();
    }

    @Override
    public Optional<SavedPeerGroup> find(TenantId tenant, long id) {
        return groups.findByTenantIdAndId(tenant.value(), id).map(JdbcPeerGroups::toDomain);
    }

    @Override
    public List<Long> members(TenantId tenant, long id) {
        return find(tenant, id).map(group -> members.organizationIds(group.id())).orElse(List.of());
    }

    @Override
    @Transactional
    public void delete(TenantId tenant, long id) {
        groups.findByTenantIdAndId(tenant.value(), id).ifPresent(group -> {
            members.deleteMembers(group.id());
            groups.delete(group);
        });
    }

    private static SavedPeerGroup toDomain(PeerGroupEntity entity) {
        return new SavedPeerGroup(entity.id(), TenantId.of(entity.tenantId()), entity.name(), entity.createdBy(), entity.createdAt());
    }
}
