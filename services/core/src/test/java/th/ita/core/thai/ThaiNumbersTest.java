package th.ita.core.thai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThaiNumbersTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "๙๕.๔๑|95.41", "95.41|95.41", "คะแนน ๙๕.๔๑|95.41", "ร้อยละ 80.00|80.0", "80%|80.0", " 100 |100.0",
            "๑๐๐.๐๐ คะแนน|100.0", "1,000|1000.0", ".5|0.5", "-1|-1.0"})
    void readsThaiAndArabicDigitsWithDecorations(String cell, double expected) {
        assertThat(ThaiNumbers.parse(cell)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ผ่าน", "=1+1", "95.4.1", "NaN", "Infinity", "1e3"})
    void findsNoNumberInText(String cell) {
        assertThat(ThaiNumbers.parse(cell)).isEmpty();
    }

    @Test
    void readsPlainFiguresBitForBitAsDoubleParseDoubleDoes() {
        for (int hundredths = 0; hundredths <= 1_000_000; hundredths++) {
            String cell = hundredths / 100 + "." + String.format(Locale.ROOT, "%02d", hundredths % 100);
            assertThat(ThaiNumbers.parse(cell)).as(cell).hasValue(Double.parseDouble(cell));
        }
        for (String cell : List.of("7", "95.", "95.4", "0.05", ".05", "123456789.12", "999999999999", "93.746", "0.001", "00012.30")) {
            assertThat(Double.doubleToRawLongBits(ThaiNumbers.parse(cell).orElseThrow())).as(cell)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
        }
    }

    @Test
    void convertsThaiDigitsOnly() {
        assertThat(ThaiNumbers.toArabicDigits("ลำดับที่ ๕๐")).isEqualTo("ลำดับที่ 50");
    }
}
