package th.ita.storage.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("organization_alias")
record OrganizationAliasEntity(@Id @GeneratedValue @Nullable Long id, String tenantId, Long organizationId, String alias, @Nullable Long batchId) {
}
