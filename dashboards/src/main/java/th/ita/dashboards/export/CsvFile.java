package th.ita.dashboards.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A CSV download as Excel opens it: UTF-8 with a byte-order mark, CRLF lines, fields quoted when needed,
 * scores with two decimals, and text that starts like a formula (= + - @, tab, CR) prefixed with an
 * apostrophe so a spreadsheet never runs it.
 */
public final class CsvFile {
    private CsvFile() {
    }

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header.stream().map(h -> (Object) h).toList());
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return String.format(Locale.ROOT, "%.2f", ((Number) cell).doubleValue());
        }
        if (cell instanceof Number) {
            return cell.toString();
        }
        String text = cell instanceof Spreadsheet.Level level ? level.name() : cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
