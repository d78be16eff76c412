package th.ita.core.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeographyTest {
    private final Geography geography = Geography.bundled();

    @Test
    void holdsThe77ProvincesWithUniqueCodes() {
        assertThat(geography.provinces()).hasSize(77);
        assertThat(geography.provinces()).extracting(Province::code).doesNotHaveDuplicates();
        assertThat(geography.provinces().stream().mapToInt(p -> geography.districts(p.code()).size()).sum()).isGreaterThan(900);
    }

    @Test
    void findsAProvinceHoweverAFileWritesIt() {
        assertThat(geography.province("เชียงราย")).map(Province::code).contains("57");
        assertThat(geography.province("จังหวัดเชียงราย")).map(Province::code).contains("57");
        assertThat(geography.province("จ.เชียงราย")).map(Province::code).contains("57");
        assertThat(geography.province("Chiang Rai")).map(Province::code).contains("57");
        assertThat(geography.province("chiangrai")).map(Province::code).contains("57");
        assertThat(geography.province("๕๗")).map(Province::code).contains("57");
        assertThat(geography.province("กทม.")).map(Province::nameTh).contains("กรุงเทพมหานคร");
        assertThat(geography.province("บึงกาฬ")).map(Province::code).contains("38");
        assertThat(geography.province("เชียงใหม่่")).isEmpty();
        assertThat(geography.province("Atlantis")).isEmpty();
    }

    @Test
    void findsADistrictWithinItsProvince() {
        assertThat(geography.district("57", "อำเภอเวียงแก่น")).map(District::code).contains("5713");
        assertThat(geography.district("57", "อ.เวียงแก่น")).map(District::code).contains("5713");
        assertThat(geography.district("57", "Wiang Kaen")).map(District::code).contains("5713");
        assertThat(geography.district("50", "เวียงแก่น")).isEmpty();
    }
}
