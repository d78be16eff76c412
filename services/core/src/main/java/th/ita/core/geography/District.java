package th.ita.core.geography;

import static java.util.Objects.requireNonNull;

/** A district (อำเภอ, or เขต in Bangkok) of a province. */
public record District(String provinceCode, String code, String nameTh, String nameEn) {
    public District {
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
