package th.ita.reports.document;

import java.util.Base64;
import java.util.List;

/**
 * Blocks as one self-contained HTML page (charts inline as data URIs), laid out for A4 print: the
 * view Chromium prints to PDF. Fonts: TH Sarabun New where installed, else TLWG Laksaman (its free
 * look-alike, Debian fonts-thai-tlwg), else any Thai serif. Table headers are plain rows, not
 * {@code <thead>}: a repeated header on every page would repeat its text in the PDF's text layer.
 */
public final class HtmlDocument {
    static final String STYLE = """
            @page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
            body { font-family: 'TH Sarabun New', 'TH SarabunPSK', Laksaman, 'Noto Serif Thai', serif; font-size: 16pt; line-height: 1.6; margin: 0; overflow-wrap: anywhere; }
            h1 { font-size: 20pt; text-align: center; margin: 0 0 0.4em; }
            h2 { font-size: 16pt; margin: 0.6em 0 0.2em; }
            p { margin: 0.15em 0; text-align: justify; }
            p.indent { text-indent: 2.5cm; }
            p.field b { margin-right: 0.5em; }
            table { width: 100%; border-collapse: collapse; margin: 0.3em 0 0.6em; }
            td { border: 1px solid #000; padding: 0.1em 0.3em; vertical-align: top; }
            tr.header td { font-weight: bold; text-align: center; background: #eee; }
            tr { break-inside: avoid; }
            table.stacked td.label { width: 25%; font-weight: bold; background: #eee; }
            figure { margin: 0.5em 0; text-align: center; page-break-inside: avoid; }
            figure img { display: block; margin: 0 auto; }
            figcaption { font-weight: bold; }
            div.signature { margin: 1em 0 0 50%; text-align: center; page-break-inside: avoid; }
            div.signature p { text-align: center; }
            div.page-break { page-break-after: always; }
            """;

    private HtmlDocument() {
    }

    public static String write(String title, List<Block> blocks) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        for (Block block : blocks) {
            add(html, block);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void add(StringBuilder html, Block block) {
        if (block instanceof Block.Title title) {
            html.append("<h1>").append(escape(title.text())).append("</h1>\n");
        } else if (block instanceof Block.Field field) {
            html.append("<p class=\"field\"><b>").append(escape(field.label())).append("</b>").append(escape(field.value())).append("</p>\n");
        } else if (block instanceof Block.Heading heading) {
            html.append("<h2>").append(escape(heading.text())).append("</h2>\n");
        } else if (block instanceof Block.Paragraph paragraph) {
            html.append(paragraph.indent() ? "<p class=\"indent\">" : "<p>").append(escape(paragraph.text())).append("</p>\n");
        } else if (block instanceof Block.Table table && table.stackedInPrint()) {
            for (List<String> row : table.rows()) {
                html.append("<table class=\"stacked\">");
                for (int i = 0; i < row.size(); i++) {
                    html.append("<tr><td class=\"label\">").append(escape(table.header().get(i))).append("</td><td>")
                            .append(escape(row.get(i)).replace("\n", "<br>")).append("</td></tr>");
                }
                html.append("</table>\n");
            }
        } else if (block instanceof Block.Table table) {
            html.append("<table>");
            row(html, table.header(), table.widths(), true);
            for (List<String> row : table.rows()) {
                row(html, row, table.widths(), false);
            }
            html.append("</table>\n");
        } else if (block instanceof Block.Picture picture) {
            html.append("<figure><img style=\"width:").append(picture.widthCm()).append("cm\" alt=\"").append(escape(picture.altText()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(picture.png())).append("\"><figcaption>")
                    .append(escape(picture.caption())).append("</figcaption></figure>\n");
        } else if (block instanceof Block.Signature signature) {
            html.append("<div class=\"signature\">");
            signature.lines().forEach(line -> html.append("<p>").append(escape(line)).append("</p>"));
            html.append("</div>\n");
        } else if (block instanceof Block.PageBreak) {
            html.append("<div class=\"page-break\"></div>\n");
        }
    }

    private static void row(StringBuilder html, List<String> cells, List<Integer> widths, boolean header) {
        html.append(header ? "<tr class=\"header\">" : "<tr>");
        for (int i = 0; i < cells.size(); i++) {
            html.append("<td style=\"width:").append(widths.get(i)).append("%\">")
                    .append(escape(cells.get(i)).replace("\n", "<br>")).append("</td>");
        }
        html.append("</tr>");
    }

    /** The text of the blocks in reading order, as a PDF's text layer gives it back (pictures give their caption). */
    public static String text(List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Title title) {
                text.append(title.text()).append('\n');
            } else if (block instanceof Block.Field field) {
                text.append(field.label()).append(' ').append(field.value()).append('\n');
            } else if (block instanceof Block.Heading heading) {
                text.append(heading.text()).append('\n');
            } else if (block instanceof Block.Paragraph paragraph) {
                text.append(paragraph.text()).append('\n');
            } else if (block instanceof Block.Table table && table.stackedInPrint()) {
                for (List<String> row : table.rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        text.append(table.header().get(i)).append(' ').append(row.get(i)).append('\n');
                    }
                }
            } else if (block instanceof Block.Table table) {
                text.append(String.join(" ", table.header())).append('\n');
                table.rows().forEach(row -> text.append(String.join(" ", row)).append('\n'));
            } else if (block instanceof Block.Picture picture) {
                text.append(picture.caption()).append('\n');
            } else if (block instanceof Block.Signature signature) {
                signature.lines().forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
