package th.ita.storage.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("organization")
record OrganizationEntity(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        String code,
        String nameTh,
        @Nullable String nameEn,
        String type,
        String provinceCode,
        @Nullable String districtCode,
        @Nullable Long batchId) {
}
