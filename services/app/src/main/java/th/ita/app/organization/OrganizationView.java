package th.ita.app.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;

/** An organization with its type and place in Thai and English. */
@Serdeable
public record OrganizationView(
        long id,
        String code,
        String nameTh,
        @Nullable String nameEn,
        String fullNameTh,
        String type,
        String typeTh,
        String typeAbbreviationTh,
        String provinceCode,
        String provinceTh,
        @Nullable String districtCode,
        @Nullable String districtTh,
        List<String> aliases) {

    static OrganizationView of(Organization organization, Geography geography) {
        String province = geography.provinceByCode(organization.provinceCode()).map(p -> p.nameTh()).orElse(organization.provinceCode());
        String district = organization.districtCode() == null ? null
                : geography.district(organization.provinceCode(), organization.districtCode()).map(d -> d.nameTh()).orElse(null);
        return new OrganizationView(organization.id(), organization.code(), organization.nameTh(), organization.nameEn(), organization.fullNameTh(),
                organization.type().name(), organization.type().nameTh(), organization.type().abbreviationTh(), organization.provinceCode(), province,
                organization.districtCode(), district, organization.aliases());
    }
}
