package th.ita.storage.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IngestBatchRepository extends CrudRepository<IngestBatchEntity, Long> {
    Optional<IngestBatchEntity> findFirstByTenantIdAndChecksumAndStatus(String tenantId, String checksum, String status);

    Optional<IngestBatchEntity> findByTenantIdAndId(String tenantId, Long id);

    List<IngestBatchEntity> findByTenantIdOrderByIdDesc(String tenantId, Pageable pageable);

    List<IngestBatchEntity> findByTenantIdAndStatusOrderById(String tenantId, String status);
}
