package th.ita.storage.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Organizations; those a batch registered count only once the batch is published. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRepository extends CrudRepository<OrganizationEntity, Long> {
    String VISIBLE = " (o.batch_id IS NULL OR EXISTS (SELECT 1 FROM ingest_batch b WHERE b.id = o.batch_id AND b.status = 'PUBLISHED')) ";

    @Query("SELECT o.* FROM organization o WHERE o.tenant_id = :tenantId AND" + VISIBLE + "ORDER BY o.code")
    List<OrganizationEntity> findVisible(String tenantId);

    @Query("SELECT o.* FROM organization o WHERE o.tenant_id = :tenantId AND o.code = :code AND" + VISIBLE)
    Optional<OrganizationEntity> findVisibleByCode(String tenantId, String code);

    @Query("SELECT o.* FROM organization o WHERE o.tenant_id = :tenantId AND o.id = :id AND" + VISIBLE)
    Optional<OrganizationEntity> findVisibleById(String tenantId, long id);

    @Query("SELECT COUNT(*) FROM organization o WHERE o.tenant_id = :tenantId AND" + VISIBLE)
    long countVisible(String tenantId);

    Optional<OrganizationEntity> findByTenantIdAndId(String tenantId, Long id);

    /** Every code of the tenant, visible or not: a code held by a loading batch is taken too. */
    List<String> findCodeByTenantId(String tenantId);
}
