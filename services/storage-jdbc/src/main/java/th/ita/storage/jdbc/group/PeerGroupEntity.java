package th.ita.storage.jdbc.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("peer_group")
record PeerGroupEntity(@Id @GeneratedValue @Nullable Long id, String tenantId, String name, String createdBy, Instant createdAt) {
}
