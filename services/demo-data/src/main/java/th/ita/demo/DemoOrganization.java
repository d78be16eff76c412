package th.ita.demo;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import th.ita.core.geography.District;
import th.ita.core.geography.Province;
import th.ita.core.organization.OrganizationType;

/**
 * A generated local administrative organization. {@code name} is the bare name without the type
 * prefix ("ม่วงยาย"); {@code district} is absent for organizations that span a province (อบจ., Bangkok).
 */
record DemoOrganization(String code, String name, OrganizationType type, Province province, Optional<District> district) {
    DemoOrganization {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(province, "province is null");
        requireNonNull(district, "district is null");
        if (!code.matches("\\d{7}")) {
            throw new IllegalArgumentException("organization code must be seven digits: " + code);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("organization " + code + " has a blank name");
        }
    }
}
