package th.ita.storage.jdbc.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("tenant")
record TenantEntity(@Id String id, String nameTh, @Nullable String nameEn, boolean publishPeerDetail, Instant createdAt) {
}
