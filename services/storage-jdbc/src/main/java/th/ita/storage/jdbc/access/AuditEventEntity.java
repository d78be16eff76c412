package th.ita.storage.jdbc.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("audit_event")
record AuditEventEntity(@Id @GeneratedValue @Nullable Long id, String tenantId, Instant at, String actor, String action, String target, String detail,
                        @Nullable String targetKey, @Nullable String targetParameters, @Nullable String detailKey, @Nullable String detailParameters) {
}
