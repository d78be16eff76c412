package th.ita.storage.jdbc.access;

import jakarta.inject.Singleton;
import java.util.Optional;
import th.ita.core.access.Tenant;
import th.ita.core.access.Tenants;
import th.ita.core.tenant.TenantId;

/** Tenants through Micronaut Data JDBC. */
@Singleton
class JdbcTenants implements Tenants {
    private final AccessRepositories.TenantRepository tenants;

    JdbcTenants(AccessRepositories.TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean exists(TenantId tenant) {
        return tenants.existsById(tenant.value());
    }

    @Override
    public Optional<Tenant> find(TenantId tenant) {
        return tenants.findById(tenant.value())
                .map(entity -> new Tenant(TenantId.of(entity.id()), entity.nameTh(), entity.nameEn(), entity.publishPeerDetail(), entity.createdAt()));
    }

    @Override
    public void create(Tenant tenant) {
        tenants.save(new TenantEntity(tenant.id().value(), tenant.nameTh(), tenant.nameEn(), tenant.publishPeerDetail(), tenant.createdAt()));
    }
}
