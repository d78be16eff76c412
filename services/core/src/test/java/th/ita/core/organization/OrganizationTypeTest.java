package th.ita.core.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationTypeTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ทต., SUBDISTRICT_MUNICIPALITY", "ทต, SUBDISTRICT_MUNICIPALITY", "เทศบาลตำบล, SUBDISTRICT_MUNICIPALITY",
            "อบต., SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION", "องค์การบริหารส่วนตำบล, SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION",
            "อบจ., PROVINCIAL_ADMINISTRATIVE_ORGANIZATION", "ทน., CITY_MUNICIPALITY", "ทม., TOWN_MUNICIPALITY",
            "City Municipality, CITY_MUNICIPALITY", "กทม., SPECIAL", "SUBDISTRICT_MUNICIPALITY, SUBDISTRICT_MUNICIPALITY"})
    void readsTypesByNameAbbreviationOrCode(String text, OrganizationType type) {
        assertThat(OrganizationType.parse(text)).contains(type);
    }

    @Test
    void splitsTheTypePrefixFromANameHoweverItIsWritten() {
        OrganizationType.TypedName expected = new OrganizationType.TypedName(OrganizationType.SUBDISTRICT_MUNICIPALITY, "ม่วงยาย");
        assertThat(OrganizationType.split("เทศบาลตำบลม่วงยาย")).contains(expected);
        assertThat(OrganizationType.split("ทต.ม่วงยาย")).contains(expected);
        assertThat(OrganizationType.split("ทต. ม่วงยาย")).contains(expected);
        assertThat(OrganizationType.split(" เทศบาลตำบล ม่วงยาย ")).contains(expected);
        assertThat(OrganizationType.split("องค์การบริหารส่วนตำบลท่าข้าม"))
                .contains(new OrganizationType.TypedName(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "ท่าข้าม"));
        assertThat(OrganizationType.split("เทศบาลเมืองเชียงราย"))
                .contains(new OrganizationType.TypedName(OrganizationType.TOWN_MUNICIPALITY, "เชียงราย"));
        assertThat(OrganizationType.split("ทต ม่วงยาย")).contains(expected);
        assertThat(OrganizationType.split("ม่วงยาย")).isEmpty();
        assertThat(OrganizationType.split("ทมอ")).isEmpty();
        assertThat(OrganizationType.split("ทมนางาม")).isEmpty();
    }
}
