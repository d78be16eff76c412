package th.ita.core.organization;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An organization to register; the store assigns its id. */
public record NewOrganization(
        String code,
        String nameTh,
        String nameEn,
        OrganizationType type,
        String provinceCode,
        String districtCode,
        List<String> aliases) {

    public NewOrganization {
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(type, "type is null");
        requireNonNull(provinceCode, "provinceCode is null");
        aliases = List.copyOf(aliases);
    }
}
