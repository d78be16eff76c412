package th.ita.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import th.ita.core.message.Message;

/**
 * The first sheet of an XLSX workbook, streamed with fastexcel-reader. A formula cell is passed on
 * as its formula text ("=SUM(B2:B4)"), never evaluated, so validation can reject it by name.
 */
final class XlsxTableSource implements TableSource {
    private final CountingInputStream bytes;
    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final List<String> header;
    private long lastLine;

    XlsxTableSource(SourceFile file) throws IOException {
        this.bytes = new CountingInputStream(Files.newInputStream(file.path()));
        try {
            this.workbook = new ReadableWorkbook(bytes, new ReadingOptions(true, false));
            Sheet sheet = workbook.getFirstSheet();
            this.rows = sheet.openStream();
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw new MalformedFileException(0, Message.of("file.notXlsx"), e);
        }
        this.iterator = rows.iterator();
        SourceRow first = next();
        this.header = first == null ? List.of() : first.cells();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        try {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                lastLine = row.getRowNum();
                List<String> cells = new ArrayList<>(row.getCellCount());
                boolean blank = true;
                for (int i = 0; i < row.getCellCount(); i++) {
                    String text = text(row.getCell(i));
                    blank &= text.isBlank();
                    cells.add(text);
                }
                if (!blank) {
                    return new SourceRow(row.getRowNum(), cells);
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedFileException(lastLine + 1, Message.of("file.truncated", "format", "XLSX"), e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getType() == CellType.FORMULA) {
            return "=" + cell.getFormula();
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
