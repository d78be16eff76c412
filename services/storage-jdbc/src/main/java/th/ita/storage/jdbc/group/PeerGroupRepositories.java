package th.ita.storage.jdbc.group;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Micronaut Data repositories of saved peer groups. */
final class PeerGroupRepositories {
    private PeerGroupRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Groups extends CrudRepository<PeerGroupEntity, Long> {
        List<PeerGroupEntity> findByTenantIdOrderByName(String tenantId);

        Optional<PeerGroupEntity> findByTenantIdAndId(String tenantId, Long id);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Members extends CrudRepository<PeerGroupMemberEntity, PeerGroupMemberEntity.Key> {
        @Query("SELECT organization_id FROM peer_group_member WHERE group_id = :groupId")
        List<Long> organizationIds(Long groupId);

        @Query("DELETE FROM peer_group_member WHERE group_id = :groupId")
        void deleteMembers(Long groupId);
    }
}
