package th.ita.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void neutralizesTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvExport.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvExport.text("+1")).isEqualTo("'+1");
        assertThat(CsvExport.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvExport.text("เทศบาลตำบลม่วงยาย")).isEqualTo("เทศบาลตำบลม่วงยาย");
        assertThat(CsvExport.text(null)).isEmpty();
    }

    @Test
    void writesUtf8WithAByteOrderMarkSoExcelReadsThai() {
        byte[] body = CsvExport.of("x.csv", List.of("name_th", "score"), List.of(Arrays.asList("ม่วงยาย", 95.41), Arrays.asList("ท่าข้าม", -2.0))).body();

        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFname_th,score\r\nม่วงยาย,95.41\r\nท่าข้าม,-2.0");
    }
}
