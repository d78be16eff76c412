package th.ita.storage.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationAliasRepository extends CrudRepository<OrganizationAliasEntity, Long> {
    List<OrganizationAliasEntity> findByTenantId(String tenantId);

    List<OrganizationAliasEntity> findByOrganizationId(Long organizationId);
}
