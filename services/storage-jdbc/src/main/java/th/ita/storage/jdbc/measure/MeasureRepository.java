package th.ita.storage.jdbc.measure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** The measure table through Micronaut Data. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MeasureRepository extends CrudRepository<MeasureEntity, Long> {
    List<MeasureEntity> findByTenantIdAndOrganizationIdAndFiscalYearOrderById(String tenantId, long organizationId, int fiscalYear);

    List<MeasureEntity> findByTenantIdAndFiscalYearOrderById(String tenantId, int fiscalYear);

    Optional<MeasureEntity> findByTenantIdAndOrganizationIdAndId(String tenantId, long organizationId, Long id);

    long countByTenantIdAndOrganizationIdAndFiscalYear(String tenantId, long organizationId, int fiscalYear);

    long deleteByTenantIdAndOrganizationIdAndId(String tenantId, long organizationId, Long id);
}
