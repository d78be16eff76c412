package th.ita.core.thai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2568|2568", "๒๕๖๘|2568", "พ.ศ. 2568|2568", "ปีงบประมาณ พ.ศ. ๒๕๖๘|2568", "2025|2568", "FY2025|2568", "2561|2561", "2018|2561"})
    void acceptsBuddhistEraAndCommonEraYears(String cell, int buddhistEra) {
        assertThat(FiscalYear.parseBuddhistEra(cell)).hasValue(buddhistEra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "68", "1800", "3000", "ปี", "2568.5"})
    void rejectsWhatIsNotAPlausibleYear(String cell) {
        assertThat(FiscalYear.parseBuddhistEra(cell)).isEmpty();
    }
}
