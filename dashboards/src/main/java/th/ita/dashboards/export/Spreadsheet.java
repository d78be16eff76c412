package th.ita.dashboards.export;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX workbook as people open it in Excel: Thai headers in bold on a frozen first row, scores as
 * numbers formatted {@code 0.00}, a level's cell filled in its level's colour, and text that looks like
 * a formula stored as text (never evaluated: a cell is a value, not a formula, in this writer).
 */
public final class Spreadsheet {
    /** The fill of each level (AA–F, and the pass levels of 2567 onwards): one colour per level. */
    static final Map<String, String> LEVEL_COLOURS = Map.ofEntries(
            Map.entry("EXCELLENT", "1B7F3B"), Map.entry("AA", "1B7F3B"),
            Map.entry("GOOD", "4C9A2A"), Map.entry("A", "4C9A2A"),
            Map.entry("PASS", "C9A100"), Map.entry("B", "C9A100"),
            Map.entry("IMPROVE", "E07B00"), Map.entry("C", "E07B00"), Map.entry("D", "E07B00"),
            Map.entry("URGENT", "C62828"), Map.entry("E", "C62828"), Map.entry("F", "C62828"));

    private Spreadsheet() {
    }

    /** A level as a cell: its name shown, its code choosing the colour. */
    public record Level(String code, String name) {
    }

    /** One sheet: a header row and rows of String, Number, {@link Level} or null cells. */
    public record Sheet(String name, List<String> header, List<List<Object>> rows) {
        public Sheet {
            requireNonNull(name, "name is null");
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    public static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "ITA benchmarking platform", "1.0");
            workbook.setGlobalDefaultFont("Tahoma", 11);
            for (Sheet sheet : sheets) {
                write(workbook.newWorksheet(sheet.name()), sheet);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet worksheet, Sheet sheet) {
        for (int c = 0; c < sheet.header().size(); c++) {
            worksheet.value(0, c, sheet.header().get(c));
            worksheet.style(0, c).bold().fillColor("DDE4EE").set();
            worksheet.width(c, Math.max(10, Math.min(48, sheet.header().get(c).length() + 4)));
        }
        worksheet.freezePane(0, 1);
        for (int r = 0; r < sheet.rows().size(); r++) {
            List<Object> row = sheet.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                int line = r + 1;
                if (cell == null) {
                    continue;
                }
                if (cell instanceof Double || cell instanceof Float) {
                    worksheet.value(line, c, (Number) cell);
                    worksheet.style(line, c).format("0.00").set();
                } else if (cell instanceof Number number) {
                    worksheet.value(line, c, number);
                } else if (cell instanceof Level level) {
                    worksheet.value(line, c, level.name());
                    String colour = LEVEL_COLOURS.get(level.code());
                    if (colour != null) {
                        worksheet.style(line, c).fillColor(colour).fontColor(level.code().equals("PASS") || level.code().equals("B") ? "1D1D1D" : "FFFFFF").set();
                    }
                } else {
                    worksheet.value(line, c, cell.toString());
                }
            }
        }
    }
}
