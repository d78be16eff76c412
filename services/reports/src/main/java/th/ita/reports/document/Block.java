package th.ita.reports.document;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A document as a list of blocks, written once and rendered to DOCX and to the HTML that Chromium
 * prints to PDF, so the two formats carry the same text. Texts are final (digits already chosen).
 */
public sealed interface Block {
    /** The document's title line ("บันทึกข้อความ"), centered and large. */
    record Title(String text) implements Block {
    }

    /** A memo header field: the label in bold, then its value ("เรื่อง  รายงาน…"). */
    record Field(String label, String value) implements Block {
    }

    record Heading(String text) implements Block {
    }

    /** Body text; {@code indent}: first line indented, as Thai official letters are. */
    record Paragraph(String text, boolean indent) implements Block {
    }

    /**
     * A table with a header row; a cell's lines are separated by '\n'. {@code widths} are the columns'
     * shares of the text width, in percent. {@code stackedInPrint}: rows too tall for a page in columns
     * (the measures) print as one small table per row, header beside cell, so that a row split by a
     * page break still reads in order; the DOCX keeps the columns, which Word splits and edits well.
     */
    record Table(List<String> header, List<List<String>> rows, List<Integer> widths, boolean stackedInPrint) implements Block {
        public Table(List<String> header, List<List<String>> rows, List<Integer> widths) {
            this(header, rows, widths, false);
        }

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            widths = List.copyOf(widths);
            int columns = header.size();
            if (widths.size() != columns || rows.stream().anyMatch(row -> row.size() != columns)) {
                throw new IllegalArgumentException("every row and the widths need " + columns + " columns");
            }
        }
    }

    /** A PNG picture {@code widthCm} wide, its caption below it. */
    record Picture(byte[] png, int widthPx, int heightPx, double widthCm, String caption, String altText) implements Block {
        public Picture {
            requireNonNull(png, "png is null");
        }
    }

    /** Lines right of center, for signatures ("(ลงชื่อ)……………"). */
    record Signature(List<String> lines) implements Block {
        public Signature {
            lines = List.copyOf(lines);
        }
    }

    record PageBreak() implements Block {
    }
}
