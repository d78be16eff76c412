package th.ita.storage.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Aliases; those a batch added count only once the batch is published. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationAliasRepository extends CrudRepository<OrganizationAliasEntity, Long> {
    String VISIBLE = " (a.batch_id IS NULL OR EXISTS (SELECT 1 FROM ingest_batch b WHERE b.id = a.batch_id AND b.status = 'PUBLISHED')) ";

    @Query("SELECT a.* FROM organization_alias a WHERE a.tenant_id = :tenantId AND" + VISIBLE + "ORDER BY a.id")
    List<OrganizationAliasEntity> findVisible(String tenantId);

    @Query("SELECT a.* FROM organization_alias a WHERE a.organization_id = :organizationId AND" + VISIBLE + "ORDER BY a.id")
    List<OrganizationAliasEntity> findVisibleOf(long organizationId);
}
