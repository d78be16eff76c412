package th.ita.app.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * A CSV download as Excel opens it: UTF-8 with a byte-order mark (so Thai reads right), one header
 * row. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
 * are prefixed with an apostrophe; numbers are written as numbers.
 */
public final class CsvExport {
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private CsvExport() {
    }

    /** Neutralizes a text cell that would start a formula (OWASP CSV injection). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** Yes or no in the caller's language. */
    public static String yesNo(boolean value, Language language) {
        return Messages.standard().render(value ? "csv.yes" : "csv.no", language);
    }

    /** Builds the download with its header from the catalog ({@code csv.header.<column>}) in the caller's language. */
    public static MutableHttpResponse<byte[]> of(String fileName, Language language, List<String> columns, List<List<Object>> rows) {
        return of(fileName, columns.stream().map(column -> Messages.standard().render("csv.header." + column, language)).toList(), rows);
    }

    /** Builds the download; rows hold Strings (already passed through {@link #text}) and Numbers (or null). */
    public static MutableHttpResponse<byte[]> of(String fileName, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8)).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
