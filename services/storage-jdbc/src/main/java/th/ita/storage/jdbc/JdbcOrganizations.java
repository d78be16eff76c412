package th.ita.storage.jdbc;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.ita.core.batch.BatchStatus;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.core.thai.ThaiText;

/**
 * Organizations and their aliases through Micronaut Data JDBC. Rows carry the batch that registered
 * them and are read only when that batch is published; failing the batch deletes them.
 */
@Singleton
class JdbcOrganizations implements Organizations {
    private final OrganizationRepository organizations;
    private final OrganizationAliasRepository aliases;
    private final IngestBatchRepository batches;

    JdbcOrganizations(OrganizationRepository organizations, OrganizationAliasRepository aliases, IngestBatchRepository batches) {
        this.organizations = organizations;
        this.aliases = aliases;
        this.batches = batches;
    }

    @Override
    public List<Organization> all(TenantId tenant) {
        Map<Long, Set<String>> aliasesByOrganization = new HashMap<>();
        for (OrganizationAliasEntity alias : aliases.findVisible(tenant.value())) {
            aliasesByOrganization.computeIfAbsent(alias.organizationId(), id -> new LinkedHashSet<>()).add(alias.alias());
        }
        return organizations.findVisible(tenant.value()).stream()
                .map(entity -> toDomain(entity, List.copyOf(aliasesByOrganization.getOrDefault(entity.id(), Set.of()))))
                .toList();
    }

    @Override
    public Optional<Organization> byCode(TenantId tenant, String code) {
        return organizations.findVisibleByCode(tenant.value(), code).map(this::withAliases);
    }

    @Override
    public Optional<Organization> byId(TenantId tenant, long id) {
        return organizations.findVisibleById(tenant.value(), id).map(this::withAliases);
    }

    @Override
    @Transactional
    public List<Organization> register(TenantId tenant, long batchId, Collection<NewOrganization> newOrganizations) {
        requireLoading(tenant, batchId);
        List<Organization> registered = new ArrayList<>(newOrganizations.size());
        Set<String> codes = new HashSet<>(organizations.findCodeByTenantId(tenant.value()));
        for (NewOrganization organization : newOrganizations) {
            if (!codes.add(organization.code())) {
                throw new ItaException(ErrorCode.CONFLICT, Message.of("problem.organizationCodeTaken", "code", organization.code()));
            }
        }
        List<OrganizationEntity> saved = organizations.saveAll(newOrganizations.stream()
                .map(organization -> new OrganizationEntity(null, tenant.value(), organization.code(), ThaiText.clean(organization.nameTh()),
                        organization.nameEn(), organization.type().name(), organization.provinceCode(), organization.districtCode(), batchId))
                .toList());
        List<OrganizationAliasEntity> newAliases = new ArrayList<>();
        int index = 0;
        for (NewOrganization organization : newOrganizations) {
            OrganizationEntity entity = saved.get(index++);
            Set<String> distinct = new LinkedHashSet<>();
            for (String alias : organization.aliases()) {
                distinct.add(ThaiText.clean(alias));
            }
            for (String alias : distinct) {
                newAliases.add(new OrganizationAliasEntity(null, tenant.value(), entity.id(), alias, batchId));
            }
            registered.add(toDomain(entity, List.copyOf(distinct)));
        }
        aliases.saveAll(newAliases);
        return registered;
    }

    @Override
    @Transactional
    public void addAliases(TenantId tenant, long batchId, long organizationId, Collection<String> newAliases) {
        requireLoading(tenant, batchId);
        OrganizationEntity organization = organizations.findByTenantIdAndId(tenant.value(), organizationId)
                .orElseThrow(() -> ItaException.notFound(Message.of("problem.organizationNotFound", "code", organizationId)));
        Set<String> known = new HashSet<>(aliases.findVisibleOf(organizationId).stream().map(OrganizationAliasEntity::alias).toList());
        known.add(organization.nameTh());
        List<OrganizationAliasEntity> toSave = new ArrayList<>();
        for (String alias : newAliases) {
            String clean = ThaiText.clean(alias);
            if (!clean.isEmpty() && known.add(clean)) {
                toSave.add(new OrganizationAliasEntity(null, tenant.value(), organizationId, clean, batchId));
            }
        }
        aliases.saveAll(toSave);
    }

    @Override
    public long count(TenantId tenant) {
        return organizations.countVisible(tenant.value());
    }

    private void requireLoading(TenantId tenant, long batchId) {
        batches.findByTenantIdAndId(tenant.value(), batchId)
                .filter(batch -> batch.status().equals(BatchStatus.LOADING.name()))
                .orElseThrow(() -> new ItaException(ErrorCode.CONFLICT, Message.of("problem.batchNotLoading", "id", batchId)));
    }

    private Organization withAliases(OrganizationEntity entity) {
        return toDomain(entity, List.copyOf(new LinkedHashSet<>(aliases.findVisibleOf(entity.id()).stream().map(OrganizationAliasEntity::alias).toList())));
    }

    private static Organization toDomain(OrganizationEntity entity, List<String> aliases) {
        return new Organization(entity.id(), TenantId.of(entity.tenantId()), entity.code(), entity.nameTh(), entity.nameEn(),
                OrganizationType.valueOf(entity.type()), entity.provinceCode(), entity.districtCode(), aliases);
    }
}
