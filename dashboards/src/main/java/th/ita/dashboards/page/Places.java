package th.ita.dashboards.page;

import jakarta.inject.Singleton;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.Organization;
import th.ita.dashboards.web.Texts;

/** Province and district names in the page's language. */
@Singleton
public class Places {
    private final Geography geography;

    Places(Geography geography) {
        this.geography = geography;
    }

    public Geography geography() {
        return geography;
    }

    public String province(Texts t, String code) {
        return geography.provinceByCode(code).map(p -> t.pick(p.nameTh(), p.nameEn())).orElse(code);
    }

    public Province requireProvince(String codeOrName) {
        return geography.province(codeOrName).orElseThrow(() -> th.ita.dashboards.web.PageError.notFound("error.provinceNotFound", codeOrName));
    }

    public String district(Texts t, Organization organization) {
        if (organization.districtCode() == null) {
            return "";
        }
        return geography.districts(organization.provinceCode()).stream().filter(d -> d.code().equals(organization.districtCode())).findFirst()
                .map(d -> t.pick(d.nameTh(), d.nameEn())).orElse(organization.districtCode());
    }

    public static String name(Texts t, Organization organization) {
        return t.thai() || organization.nameEn() == null || organization.nameEn().isBlank()
                ? organization.fullNameTh() : organization.nameEn() + " (" + organization.type().nameEn() + ")";
    }

    public static String type(Texts t, Organization organization) {
        return t.pick(organization.type().abbreviationTh(), organization.type().nameEn());
    }

}
