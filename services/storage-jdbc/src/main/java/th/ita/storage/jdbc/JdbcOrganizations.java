package th.ita.storage.jdbc;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.core.thai.ThaiText;

/** Organizations and their aliases through Micronaut Data JDBC. */
@Singleton
class JdbcOrganizations implements Organizations {
    private final OrganizationRepository organizations;
    private final OrganizationAliasRepository aliases;

    JdbcOrganizations(OrganizationRepository organizations, OrganizationAliasRepository aliases) {
        this.organizations = organizations;
        this.aliases = aliases;
    }

    @Override
    public List<Organization> all(TenantId tenant) {
        Map<Long, List<String>> aliasesByOrganization = new HashMap<>();
        for (OrganizationAliasEntity alias : aliases.findByTenantId(tenant.value())) {
            aliasesByOrganization.computeIfAbsent(alias.organizationId(), id -> new ArrayList<>()).add(alias.alias());
        }
        return organizations.findByTenantIdOrderByCode(tenant.value()).stream()
                .map(entity -> toDomain(entity, aliasesByOrganization.getOrDefault(entity.id(), List.of())))
                .toList();
    }

    @Override
    public Optional<Organization> byCode(TenantId tenant, String code) {
        return organizations.findByTenantIdAndCode(tenant.value(), code).map(this::withAliases);
    }

    @Override
    public Optional<Organization> byId(TenantId tenant, long id) {
        return organizations.findByTenantIdAndId(tenant.value(), id).map(this::withAliases);
    }

    @Override
    @Transactional
    public List<Organization> register(TenantId tenant, Collection<NewOrganization> newOrganizations) {
        List<Organization> registered = new ArrayList<>(newOrganizations.size());
        Set<String> codes = new HashSet<>(organizations.findCodeByTenantId(tenant.value()));
        for (NewOrganization organization : newOrganizations) {
            if (!codes.add(organization.code())) {
                throw new ItaException(ErrorCode.CONFLICT, "organization code already exists: " + organization.code());
            }
        }
        List<OrganizationEntity> saved = organizations.saveAll(newOrganizations.stream()
                .map(organization -> new OrganizationEntity(null, tenant.value(), organization.code(), ThaiText.clean(organization.nameTh()),
                        organization.nameEn(), organization.type().name(), organization.provinceCode(), organization.districtCode()))
                .toList());
        List<OrganizationAliasEntity> newAliases = new ArrayList<>();
        int index = 0;
        for (NewOrganization organization : newOrganizations) {
            OrganizationEntity entity = saved.get(index++);
            for (String alias : new HashSet<>(organization.aliases())) {
                newAliases.add(new OrganizationAliasEntity(null, tenant.value(), entity.id(), ThaiText.clean(alias)));
            }
            registered.add(toDomain(entity, organization.aliases()));
        }
        aliases.saveAll(newAliases);
        return registered;
    }

    @Override
    @Transactional
    public void addAliases(TenantId tenant, long organizationId, Collection<String> newAliases) {
        Organization organization = byId(tenant, organizationId)
                .orElseThrow(() -> ItaException.notFound("organization " + organizationId + " not found"));
        Set<String> known = new HashSet<>(organization.aliases());
        known.add(organization.nameTh());
        List<OrganizationAliasEntity> toSave = new ArrayList<>();
        for (String alias : newAliases) {
            String clean = ThaiText.clean(alias);
            if (!clean.isEmpty() && known.add(clean)) {
                toSave.add(new OrganizationAliasEntity(null, tenant.value(), organizationId, clean));
            }
        }
        aliases.saveAll(toSave);
    }

    @Override
    public long count(TenantId tenant) {
        return organizations.countByTenantId(tenant.value());
    }

    private Organization withAliases(OrganizationEntity entity) {
        return toDomain(entity, aliases.findByOrganizationId(entity.id()).stream().map(OrganizationAliasEntity::alias).toList());
    }

    private static Organization toDomain(OrganizationEntity entity, List<String> aliases) {
        return new Organization(entity.id(), TenantId.of(entity.tenantId()), entity.code(), entity.nameTh(), entity.nameEn(),
                OrganizationType.valueOf(entity.type()), entity.provinceCode(), entity.districtCode(), aliases);
    }
}
