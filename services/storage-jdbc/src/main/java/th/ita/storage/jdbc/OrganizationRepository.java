package th.ita.storage.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRepository extends CrudRepository<OrganizationEntity, Long> {
    List<OrganizationEntity> findByTenantIdOrderByCode(String tenantId);

    Optional<OrganizationEntity> findByTenantIdAndCode(String tenantId, String code);

    Optional<OrganizationEntity> findByTenantIdAndId(String tenantId, Long id);

    long countByTenantId(String tenantId);

    List<String> findCodeByTenantId(String tenantId);
}
