package th.ita.storage.jdbc.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One measure of an organization for a fiscal year, linked to the indicator or item it is to raise. */
@MappedEntity("measure")
record MeasureEntity(@Id @GeneratedValue @Nullable Long id, String tenantId, long organizationId, int fiscalYear, String targetCode, String title,
                     String method, String owner, String period, String status, String result, @Nullable String evidenceUrl, String createdBy,
                     Instant updatedAt) {
}
