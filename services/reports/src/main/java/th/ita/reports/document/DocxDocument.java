package th.ita.reports.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Blocks written as a Word document with Apache POI: A4, the government's font (TH Sarabun New) at
 * 16 pt. Every run names the font for Latin and complex script (w:rFonts w:ascii/w:hAnsi/w:cs) and
 * sets both sizes (w:sz and w:szCs) and the Thai language for complex script: Word lays Thai out with
 * the complex-script properties, and POI's setFontSize writes only w:sz, which Thai text ignores.
 */
public final class DocxDocument {
    public static final String FONT = "TH Sarabun New";
    /** Sizes in half-points: 16 pt body, 20 pt title. */
    static final int BODY = 32;
    static final int TITLE = 40;
    /** A4 in twentieths of a point; margins as Thai official letters: 3 cm left, 2 cm right, 2.5 cm top, 2 cm bottom. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_LEFT = 1701;
    static final int MARGIN_RIGHT = 1134;
    static final int MARGIN_TOP = 1418;
    static final int MARGIN_BOTTOM = 1134;
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    private DocxDocument() {
    }

    public static byte[] write(List<Block> blocks) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            for (Block block : blocks) {
                add(document, block);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document", e);
        }
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    }

    private static void add(XWPFDocument document, Block block) {
        if (block instanceof Block.Title title) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.CENTER);
            run(paragraph, title.text(), true, TITLE);
        } else if (block instanceof Block.Field field) {
            XWPFParagraph paragraph = document.createParagraph();
            run(paragraph, field.label() + "  ", true, BODY);
            run(paragraph, field.value(), false, BODY);
        } else if (block instanceof Block.Heading heading) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingBefore(120);
            run(paragraph, heading.text(), true, BODY);
        } else if (block instanceof Block.Paragraph text) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.THAI_DISTRIBUTE);
            if (text.indent()) {
                paragraph.setFirstLineIndent(1418);
            }
            run(paragraph, text.text(), false, BODY);
        } else if (block instanceof Block.Table table) {
            table(document, table);
        } else if (block instanceof Block.Picture picture) {
            picture(document, picture);
        } else if (block instanceof Block.Signature signature) {
            for (String line : signature.lines()) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setIndentationLeft(TEXT_WIDTH / 2);
                paragraph.setAlignment(ParagraphAlignment.CENTER);
                run(paragraph, line, false, BODY);
            }
        } else if (block instanceof Block.PageBreak) {
            document.createParagraph().setPageBreak(true);
        }
    }

    private static void table(XWPFDocument document, Block.Table table) {
        XWPFTable grid = document.createTable(table.rows().size() + 1, table.header().size());
        CTTblWidth width = grid.getCTTbl().getTblPr().isSetTblW() ? grid.getCTTbl().getTblPr().getTblW() : grid.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        for (int r = 0; r <= table.rows().size(); r++) {
            XWPFTableRow row = grid.getRow(r);
            List<String> cells = r == 0 ? table.header() : table.rows().get(r - 1);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < cells.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(Integer.toString(TEXT_WIDTH * table.widths().get(c) / 100));
                XWPFParagraph paragraph = cell.getParagraphs().get(0);
                if (r == 0) {
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                }
                String[] lines = cells.get(c).split("\n", -1);
                for (int l = 0; l < lines.length; l++) {
                    if (l > 0) {
                        paragraph = cell.addParagraph();
                    }
                    run(paragraph, lines[l], r == 0, BODY);
                }
            }
        }
        document.createParagraph();
    }

    private static void picture(XWPFDocument document, Block.Picture picture) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = run(paragraph, "", false, BODY);
        long width = Math.round(picture.widthCm() * Units.EMU_PER_CENTIMETER);
        long height = width * picture.heightPx() / picture.widthPx();
        try {
            run.addPicture(new ByteArrayInputStream(picture.png()), Document.PICTURE_TYPE_PNG, "chart.png", (int) width, (int) height);
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("cannot add a chart to the document", e);
        }
        XWPFParagraph caption = document.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        run(caption, picture.caption(), true, BODY);
    }

    /** A run in the Thai font at the given size (half-points), for Latin and complex script alike. */
    static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int halfPoints) {
        XWPFRun run = paragraph.createRun();
        CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = properties.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        if (bold) {
            properties.addNewB();
            properties.addNewBCs();
        }
        properties.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        properties.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        properties.addNewLang().setBidi("th-TH");
        if (!text.isEmpty()) {
            run.setText(text);
        }
        return run;
    }
}
