package th.ita.storage.jdbc.group;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

@MappedEntity("peer_group_member")
record PeerGroupMemberEntity(@EmbeddedId Key id) {

    @Embeddable
    record Key(@MappedProperty("group_id") Long groupId, @MappedProperty("organization_id") Long organizationId) {
    }
}
