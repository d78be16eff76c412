package th.ita.core.geography;

import static java.util.Objects.requireNonNull;

/** A subdistrict (ตำบล, or แขวง in Bangkok) of a district. */
public record Subdistrict(String provinceCode, String districtCode, String code, String nameTh, String nameEn) {
    public Subdistrict {
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(districtCode, "districtCode is null");
        requireNonNull(code, "code is null");
        requireNonNull(nameTh, "nameTh is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
