package th.ita.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.core.geography.Geography;
import th.ita.core.thai.ThaiNumbers;
import th.ita.reports.SeedReports;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.document.DocxDocument;

/** The DOCX opens (parsed back with POI) and holds every figure the published reports printed. */
class AnalysisReportDocxTest {
    private static SeedReports seeds;
    private final DraftAnalysisReport draft = new DraftAnalysisReport(Geography.bundled(), FindWeaknesses.Settings.DEFAULT, 0.5);

    @BeforeAll
    static void load(@TempDir Path directory) {
        seeds = new SeedReports(directory);
    }

    private XWPFDocument docx(String name, int year, boolean thaiDigits, boolean charts) throws IOException {
        AnalysisReport report = draft.draft(seeds.table(), seeds.index(name), year,
                new DraftAnalysisReport.Options(charts, thaiDigits, LocalDate.of(2025, 12, 5)));
        byte[] bytes = DocxDocument.write(AnalysisReportLayout.blocks(report, new ThaiDocumentText(thaiDigits)));
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static List<List<String>> table(XWPFDocument document, String firstHeader) {
        for (XWPFTable table : document.getTables()) {
            if (table.getRow(0).getCell(0).getText().equals(firstHeader)) {
                return rows(table);
            }
        }
        throw new AssertionError("no table headed " + firstHeader);
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).map(ThaiNumbers::toArabicDigits).toList());
        }
        return rows;
    }

    /** Metric code → the figure the draft prints: indicators from the summary table, items from the indicators' tables. */
    private static final th.ita.core.framework.Framework GROUPS = th.ita.core.framework.Frameworks.bundled().require(2568);

    private static Map<String, Double> printedFigures(XWPFDocument document) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (List<String> row : table(document, "แบบสำรวจ")) {
            if (row.get(1).matches("\\d+") && !row.get(3).equals("–")) {
                figures.put("ind" + row.get(1), Double.parseDouble(row.get(3)));
            }
            if (row.get(2).equals("คะแนนภาพรวม")) {
                figures.put("total", Double.parseDouble(row.get(3)));
            }
        }
        for (XWPFTable table : document.getTables()) {
            if (table.getRow(0).getCell(0).getText().equals("ข้อ")) {
                for (List<String> row : rows(table).subList(1, table.getRows().size())) {
                    if (!row.get(0).isEmpty() && !row.get(2).equals("–")) {
                        figures.put(row.get(0), Double.parseDouble(row.get(2)));
                    } else if (row.get(0).isEmpty() && !row.get(2).isEmpty()) {
                        // A group heading with its score: การส่งเสริมคุณธรรมและความโปร่งใส 80.00.
                        figures.put(GROUPS.resolve(row.get(1)).orElseThrow().code(), Double.parseDouble(row.get(2)));
                    }
                }
            }
        }
        return figures;
    }

    private static String text(XWPFDocument document) {
        StringBuilder text = new StringBuilder();
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                text.append(paragraph.getText()).append('\n');
            }
        }
        return ThaiNumbers.toArabicDigits(text.toString());
    }

    @Test
    void printsSeed002sPublishedRankWithTheComputedOneBesideIt(@TempDir Path directory) throws IOException {
        SeedReports published = new SeedReports(directory, List.of(SeedReports.SEED_002, SeedReports.SEED_002_PUBLISHED));
        AnalysisReport report = draft.draft(published.table(), published.index("ม่วงยาย"), 2568,
                new DraftAnalysisReport.Options(false, true, LocalDate.of(2025, 12, 5)));
        byte[] bytes = DocxDocument.write(AnalysisReportLayout.blocks(report, new ThaiDocumentText(true)));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            // The memo's sentence as seed 002 writes it: "… ผ่านดี ผลการประเมินอยู่ในลำดับที่ ๕๐ ของหน่วยงานประเภท… เชียงราย".
            assertThat(text(document)).contains("มีผลคะแนนการประเมิน 95.41 ระดับผลการประเมินคือ ผ่านดี ผลการประเมินอยู่ในลำดับที่ 50"
                    + " ของหน่วยงานประเภทองค์กรปกครองส่วนท้องถิ่นในจังหวัดเชียงราย (ลำดับตามที่ประกาศ)");
            assertThat(table(document, "รายการ")).containsExactly(List.of("รายการ", "ตามที่ประกาศ", "คำนวณจากข้อมูลในระบบ", "หมายเหตุ"),
                    List.of("ลำดับในจังหวัด", "50", "1 จาก 1 หน่วยงาน",
                            "ลำดับที่ประกาศจัดโดยสำนักงาน ป.ป.ช. จากคะแนนรวมที่ประกาศของ อปท. ทุกแห่งในจังหวัด ลำดับที่คำนวณนับเฉพาะ 1 หน่วยงานที่มีข้อมูลในระบบ"));
        }
    }

    @Test
    void holdsEveryFigureSeed002PublishedForMuangYai2568() throws IOException {
        Map<String, Double> published = SeedReports.published(SeedReports.SEED_002);

        try (XWPFDocument document = docx("ม่วงยาย", 2568, false, false)) {
            assertThat(printedFigures(document)).containsExactlyInAnyOrderEntriesOf(published);
            assertThat(text(document)).contains("มีผลคะแนนการประเมิน 95.41 ระดับผลการประเมินคือ ผ่านดี")
                    .contains("ระดับผลการประเมิน \"ผ่านดี\"");
        }
    }

    @Test
    void holdsEveryFigureSeed004PublishedForNongSamet2564() throws IOException {
        Map<String, Double> published = SeedReports.published(SeedReports.SEED_004);

        try (XWPFDocument document = docx("หนองเสม็ด", 2564, false, false)) {
            assertThat(printedFigures(document)).containsExactlyInAnyOrderEntriesOf(published);
            assertThat(text(document)).contains("มีผลคะแนนการประเมิน 50.02 ระดับผลการประเมินคือ E");
        }
    }

    @Test
    void writesThaiDigitsWhenAskedAndTheSameFigures() throws IOException {
        try (XWPFDocument document = docx("ม่วงยาย", 2568, true, false)) {
            List<List<String>> rawRows = new ArrayList<>();
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    rawRows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
                }
            }
            assertThat(rawRows).flatExtracting(row -> row).anySatisfy(cell -> assertThat(cell).isEqualTo("๙๕.๔๑"))
                    .allSatisfy(cell -> assertThat(cell).doesNotContainPattern("[0-9]"));
            assertThat(printedFigures(document)).containsAllEntriesOf(SeedReports.published(SeedReports.SEED_002));
        }
    }

    @Test
    void setsTheThaiFontAndSixteenPointOnEveryRunForComplexScriptToo() throws IOException {
        try (XWPFDocument document = docx("ม่วงยาย", 2568, false, true)) {
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));

            assertThat(runs).hasSizeGreaterThan(200).allSatisfy(run -> {
                CTRPr properties = run.getCTR().getRPr();
                assertThat(properties.getRFontsArray(0).getCs()).isEqualTo("TH Sarabun New");
                assertThat(properties.getRFontsArray(0).getAscii()).isEqualTo("TH Sarabun New");
                BigInteger size = (BigInteger) properties.getSzArray(0).getVal();
                assertThat(properties.getSzCsArray(0).getVal()).isEqualTo(size);
                assertThat(size.intValue()).isIn(32, 40);
            });
            assertThat(runs).filteredOn(run -> run.text().contains("ตัวชี้วัดที่ 4")).isNotEmpty()
                    .allSatisfy(run -> assertThat(run.getCTR().getRPr().getSzCsArray(0).getVal()).isEqualTo(BigInteger.valueOf(32)));
            // A4 portrait.
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            // The two trend charts, drawn for print.
            assertThat(document.getAllPictures()).hasSize(2).allSatisfy(picture -> assertThat(picture.getData().length).isGreaterThan(20_000));
        }
    }

    @Test
    void leavesTheMemoNumberDateOwnersProblemsAndSignaturesBlank() throws IOException {
        try (XWPFDocument document = docx("ม่วงยาย", 2568, false, false)) {
            String text = text(document);
            assertThat(text).contains("ส่วนราชการ  สำนักปลัดเทศบาลตำบลม่วงยาย อำเภอเวียงแก่น จังหวัดเชียงราย")
                    .contains("ที่  " + AnalysisReportLayout.BLANK + "    วันที่ " + AnalysisReportLayout.BLANK)
                    .contains("เรียน  นายกเทศมนตรีตำบลม่วงยาย")
                    .contains("ปัญหา/อุปสรรค\n1. " + AnalysisReportLayout.BLANK)
                    .contains("(ลงชื่อ)" + AnalysisReportLayout.SHORT_BLANK + "ผู้จัดทำ");
            List<List<String>> measures = table(document, "ตัวชี้วัด");
            assertThat(measures).hasSize(3);
            assertThat(measures.subList(1, 3)).allSatisfy(row -> {
                assertThat(row.get(4)).isEqualTo("1 ตุลาคม 2568 – 30 กันยายน 2569");
                assertThat(row.get(5)).isEqualTo(AnalysisReportLayout.BLANK);
            });
        }
    }
}
