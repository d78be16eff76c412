package th.ita.storage.jdbc.measure;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import th.ita.core.measure.Measure;
import th.ita.core.measure.Measures;
import th.ita.core.tenant.TenantId;

/** Measures through Micronaut Data JDBC (table {@code measure}, migration V6). */
@Singleton
class JdbcMeasures implements Measures {
    private final MeasureRepository measures;

    JdbcMeasures(MeasureRepository measures) {
        this.measures = measures;
    }

    @Override
    public List<Measure> of(TenantId tenant, long organizationId, int fiscalYear) {
        return measures.findByTenantIdAndOrganizationIdAndFiscalYearOrderById(tenant.value(), organizationId, fiscalYear).stream()
                .map(JdbcMeasures::toDomain).toList();
    }

    @Override
    public List<Measure> ofYear(TenantId tenant, int fiscalYear) {
        return measures.findByTenantIdAndFiscalYearOrderById(tenant.value(), fiscalYear).stream().map(JdbcMeasures::toDomain).toList();
    }

    @Override
    public Optional<Measure> find(TenantId tenant, long organizationId, long id) {
        return measures.findByTenantIdAndOrganizationIdAndId(tenant.value(), organizationId, id).map(JdbcMeasures::toDomain);
    }

    @Override
    public boolean any(TenantId tenant, long organizationId, int fiscalYear) {
        return measures.countByTenantIdAndOrganizationIdAndFiscalYear(tenant.value(), organizationId, fiscalYear) > 0;
    }

    @Override
    @Transactional
    public List<Measure> add(List<Measure> added) {
        List<Measure> saved = new ArrayList<>(added.size());
        for (Measure measure : added) {
            if (measure.id() != null) {
                throw new IllegalArgumentException("a new measure has no id yet, not " + measure.id());
            }
            saved.add(toDomain(measures.save(toEntity(measure))));
        }
        return saved;
    }

    @Override
    @Transactional
    public Measure update(Measure measure) {
        if (measure.id() == null || find(measure.tenant(), measure.organizationId(), measure.id()).isEmpty()) {
            throw new IllegalArgumentException("no stored measure " + measure.id() + " of organization " + measure.organizationId() + " to update");
        }
        return toDomain(measures.update(toEntity(measure)));
    }

    @Override
    @Transactional
    public boolean delete(TenantId tenant, long organizationId, long id) {
        return measures.deleteByTenantIdAndOrganizationIdAndId(tenant.value(), organizationId, id) > 0;
    }

    private static MeasureEntity toEntity(Measure m) {
        return new MeasureEntity(m.id(), m.tenant().value(), m.organizationId(), m.fiscalYear(), m.targetCode(), m.title(), m.method(), m.owner(),
                m.period(), m.status(), m.result(), m.evidenceUrl(), m.updatedBy(), m.updatedAt());
    }

    private static Measure toDomain(MeasureEntity e) {
        return new Measure(e.id(), TenantId.of(e.tenantId()), e.organizationId(), e.fiscalYear(), e.targetCode(), e.title(), e.method(), e.owner(),
                e.period(), e.status(), e.result(), e.evidenceUrl(), e.createdBy(), e.updatedAt());
    }
}
