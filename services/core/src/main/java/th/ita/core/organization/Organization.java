package th.ita.core.organization;

import static java.util.Objects.requireNonNull;

import java.util.List;
import th.ita.core.tenant.TenantId;

/**
 * An assessed organization of a tenant. {@code code} is the stable key files use; {@code nameTh} is
 * the bare name without the type prefix ("ม่วงยาย"); aliases are the other spellings real files use.
 * {@code id} is the store's surrogate key.
 */
public record Organization(
        long id,
        TenantId tenant,
        String code,
        String nameTh,
        String nameEn,
        OrganizationType type,
        String provinceCode,
        String districtCode,
        List<String> aliases) {

    public Organization {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(type, "type is null");
        requireNonNull(provinceCode, "provinceCode is null");
        aliases = List.copyOf(aliases);
    }

    /** The name as documents write it: "เทศบาลตำบลม่วงยาย". */
    public String fullNameTh() {
        return type == OrganizationType.SPECIAL ? nameTh : type.nameTh() + nameTh;
    }
}
