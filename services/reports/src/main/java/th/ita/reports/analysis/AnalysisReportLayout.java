package th.ita.reports.analysis;

import java.util.ArrayList;
import java.util.List;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.document.Block;

/**
 * The analysis report laid out as the published ones are (seed 002): a memo to the head of the
 * organization, then the analysis with its tables and charts, the measures table for the next fiscal
 * year, problems and obstacles and the signatures left blank for the organization to fill in.
 */
public final class AnalysisReportLayout {
    /** What the organization fills in by hand. */
    static final String BLANK = "……………………………………";
    static final String SHORT_BLANK = "………………………";

    private AnalysisReportLayout() {
    }

    public static List<Block> blocks(AnalysisReport report, ThaiDocumentText text) {
        List<Block> blocks = new ArrayList<>();
        AnalysisReport.Result result = report.result();
        String year = text.digits(Integer.toString(report.year()));
        String nextYear = text.digits(Integer.toString(report.nextYear()));

        blocks.add(new Block.Title("บันทึกข้อความ"));
        blocks.add(new Block.Field("ส่วนราชการ", report.memo().agencyTh()));
        blocks.add(new Block.Field("ที่", BLANK + "    วันที่ " + BLANK));
        blocks.add(new Block.Field("เรื่อง", text.digits(report.memo().subjectTh())));
        blocks.add(new Block.Field("เรียน", report.memo().addresseeTh()));
        blocks.add(new Block.Heading("เรื่องเดิม"));
        blocks.add(new Block.Paragraph("ตามที่ " + report.organizationTh() + " ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
                + " (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. " + year + " " + report.organizationTh()
                + " มีผลคะแนนการประเมิน " + text.score(result.total()) + " ระดับผลการประเมินคือ " + result.levelTh()
                + rankSentence(result.rank(), text) + " นั้น", true));
        blocks.add(new Block.Heading("ข้อเท็จจริง"));
        blocks.add(new Block.Paragraph("บัดนี้ ได้จัดทำรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ" + report.organizationTh()
                + " ปีงบประมาณ พ.ศ. " + year + " เพื่อจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. " + nextYear
                + " เสร็จเรียบร้อยแล้ว รายละเอียดปรากฏตามเอกสารที่แนบท้ายนี้", true));
        blocks.add(new Block.Heading("ข้อเสนอ"));
        blocks.add(new Block.Paragraph("จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดลงนามในประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
                + " และเผยแพร่บนเว็บไซต์ของหน่วยงานต่อไป", true));
        blocks.add(signature("ผู้จัดทำ"));
        blocks.add(new Block.Signature(List.of("ความเห็นของ" + report.memo().addresseeTh(), BLANK, "(ลงชื่อ)" + SHORT_BLANK,
                "(" + SHORT_BLANK + ")", report.memo().addresseeTh())));
        blocks.add(new Block.PageBreak());

        blocks.add(new Block.Heading(text.digits(report.memo().subjectTh())));
        blocks.add(new Block.Heading(text.digits("1. ") + "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. " + year));
        blocks.add(new Block.Paragraph("คะแนนภาพรวมของ" + report.organizationTh() + " " + text.score(result.total()) + " คะแนน ระดับผลการประเมิน \""
                + result.levelTh() + "\" (" + text.digits(result.levelReasonTh()) + ")" + rankSentence(result.rank(), text) + change(result, text), true));
        if (!result.disagreements().isEmpty()) {
            blocks.add(new Block.Paragraph("ตัวเลขที่ประกาศกับที่คำนวณจากข้อมูลในระบบไม่ตรงกัน โปรดตรวจสอบก่อนใช้ตัวเลขใดในเอกสาร:", false));
            List<List<String>> rows = new ArrayList<>();
            for (AnalysisReport.Disagreement disagreement : result.disagreements()) {
                rows.add(List.of(disagreement.itemTh(), text.digits(disagreement.publishedTh()), text.digits(disagreement.derivedTh()),
                        text.digits(disagreement.noteTh())));
            }
            blocks.add(new Block.Table(List.of("รายการ", "ตามที่ประกาศ", "คำนวณจากข้อมูลในระบบ", "หมายเหตุ"), rows, List.of(20, 17, 20, 43)));
        }
        for (String note : report.methodologyNotes()) {
            blocks.add(new Block.Paragraph("หมายเหตุการเปลี่ยนแปลงวิธีการประเมิน: " + text.digits(note), false));
        }
        blocks.add(new Block.Table(List.of("แบบสำรวจ", "ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"), toolRows(report, text), List.of(22, 13, 47, 18)));
        int figure = 0;
        for (AnalysisReport.Chart chart : report.charts()) {
            blocks.add(new Block.Picture(chart.png(), chart.widthPx(), chart.heightPx(), chart.printWidthCm(),
                    "ภาพที่ " + text.number(++figure) + " " + chart.titleTh(), chart.altTh()));
        }

        blocks.add(new Block.Heading(text.digits("2. ") + "ข้อมูลรายละเอียดการวิเคราะห์ผลการประเมินของ" + report.organizationTh()
                + " ประจำปีงบประมาณ พ.ศ. " + year + " แยกเป็น " + text.number(report.indicators().size()) + " ตัวชี้วัด"));
        for (AnalysisReport.IndicatorSection section : report.indicators()) {
            blocks.add(new Block.Heading("ตัวชี้วัดที่ " + text.number(section.number()) + " " + section.nameTh() + "  " + text.score(section.score())
                    + " คะแนน" + (section.weak() ? " (จุดที่ต้องพัฒนา)" : section.strong() ? " (จุดแข็ง)" : "")));
            if (!section.items().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                String group = null;
                for (AnalysisReport.Item item : section.items()) {
                    if (item.groupTh() != null && !item.groupTh().equals(group)) {
                        group = item.groupTh();
                        Double groupScore = section.groupScore(group);
                        rows.add(List.of("", group, groupScore == null ? "" : text.score(groupScore)));
                    }
                    rows.add(List.of(text.digits(item.code()), text.digits(item.textTh()) + (item.lowest() ? " (ต่ำสุด)" : ""), text.score(item.score())));
                }
                blocks.add(new Block.Table(List.of("ข้อ", "รายละเอียด " + section.toolCode(), "คะแนน"), rows, List.of(10, 72, 18)));
            }
            blocks.add(new Block.Paragraph("วิเคราะห์ข้อบกพร่อง/ข้อปรับปรุง ข้อที่ต้องพัฒนา หรือรักษาระดับ", false));
            if (!section.defectTh().isEmpty()) {
                blocks.add(new Block.Paragraph("ข้อบกพร่อง/ข้อปรับปรุง " + text.digits(section.defectTh()), true));
            }
            if (!section.developTh().isEmpty()) {
                blocks.add(new Block.Paragraph("ข้อที่ต้องพัฒนา " + text.digits(section.developTh()), true));
            }
            if (!section.keepLevelTh().isEmpty()) {
                blocks.add(new Block.Paragraph("รักษาระดับ " + text.digits(section.keepLevelTh()), true));
            }
            if (section.score() == null) {
                blocks.add(new Block.Paragraph("ไม่มีคะแนนของตัวชี้วัดนี้ในข้อมูลที่นำเข้า", true));
            }
        }

        blocks.add(new Block.PageBreak());
        blocks.add(new Block.Heading(text.digits("3. ") + "วิธีการนำผลการวิเคราะห์แต่ละตัวชี้วัดไปสู่การปฏิบัติ ในปีงบประมาณ พ.ศ. " + nextYear));
        blocks.add(new Block.Heading("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในของ" + report.organizationTh() + " ประจำปีงบประมาณ พ.ศ. " + nextYear));
        List<List<String>> measures = new ArrayList<>();
        for (AnalysisReport.Measure measure : report.measures()) {
            measures.add(List.of(text.digits(measure.targetTh()) + " (" + text.score(measure.score()) + " คะแนน)", text.digits(measure.measureTh()),
                    text.digits(measure.analysisTh()), text.digits(steps(measure.stepsTh())), text.digits(measure.periodTh()),
                    measure.ownerTh().isEmpty() ? BLANK : measure.ownerTh()));
        }
        if (measures.isEmpty()) {
            measures.add(List.of("ไม่มีตัวชี้วัดหรือข้อที่ต้องพัฒนา", "มาตรการรักษาระดับผลการประเมิน", "", "", text.digits(ThaiDocumentText.fiscalYearPeriod(report.nextYear())), BLANK));
        }
        blocks.add(new Block.Table(List.of("ตัวชี้วัด", "มาตรการ/โครงการ/กิจกรรม", "ผลการวิเคราะห์ที่สอดคล้องกับมาตรการ", "ขั้นตอน/วิธีการดำเนินการ",
                "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"), measures, List.of(17, 17, 19, 23, 12, 12), true));

        blocks.add(new Block.Heading("การวิเคราะห์ปัญหา/อุปสรรคของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานภาครัฐ"));
        blocks.add(new Block.Paragraph("ปัญหา/อุปสรรค", false));
        for (int i = 1; i <= 3; i++) {
            blocks.add(new Block.Paragraph(text.digits(i + ". ") + BLANK + BLANK + BLANK, false));
        }
        blocks.add(new Block.Paragraph("แนวทางการปรับปรุงเพื่อรักษาระดับคะแนน", false));
        for (int i = 1; i <= 3; i++) {
            blocks.add(new Block.Paragraph(text.digits(i + ". ") + BLANK + BLANK + BLANK, false));
        }
        blocks.add(signature("ผู้จัดทำ"));
        blocks.add(signature("ผู้เห็นชอบ"));
        return blocks;
    }

    private static Block.Signature signature(String role) {
        return new Block.Signature(List.of("(ลงชื่อ)" + SHORT_BLANK + role, "(" + SHORT_BLANK + ")", "ตำแหน่ง" + SHORT_BLANK));
    }

    /** Steps "1. … 2. …" one per line. */
    static String steps(String steps) {
        return steps.replaceAll("\\s+(?=\\d{1,2}\\.\\s)", "\n").strip();
    }

    private static String rankSentence(AnalysisReport.Rank rank, ThaiDocumentText text) {
        if (rank == null) {
            return "";
        }
        String of = rank.groupSize() == null ? " ของ" : " จาก " + text.number(rank.groupSize()) + " หน่วยงาน ของ";
        return " ผลการประเมินอยู่ในลำดับที่ " + text.number(rank.rank()) + of + rank.groupTh()
                + (!rank.published() ? " (ลำดับคำนวณจากข้อมูลในระบบ)"
                : rank.groupSize() == null ? " (ลำดับตามที่ประกาศ)" : " (ลำดับตามที่ประกาศ ตรงกับที่คำนวณจากข้อมูลในระบบ)");
    }

    private static String change(AnalysisReport.Result result, ThaiDocumentText text) {
        if (result.change() == null) {
            return " (ไม่มีผลการประเมินของปีก่อนหน้าในระบบ)";
        }
        double change = result.change();
        String direction = change > 0 ? "เพิ่มขึ้น" : change < 0 ? "ลดลง" : "เท่าเดิม";
        return " เมื่อเทียบกับปีงบประมาณ พ.ศ. " + text.number(result.previousYear()) + " (" + text.score(result.previousTotal()) + " คะแนน) "
                + direction + (change == 0 ? "" : " " + text.score(Math.abs(change)) + " คะแนน");
    }

    private static List<List<String>> toolRows(AnalysisReport report, ThaiDocumentText text) {
        List<List<String>> rows = new ArrayList<>();
        for (AnalysisReport.ToolRow tool : report.tools()) {
            rows.add(List.of(tool.code() + " (" + text.digits(Integer.toString((int) Math.round(tool.weight() * 100))) + "%)", "", tool.nameTh(),
                    text.score(tool.score())));
            for (AnalysisReport.IndicatorRow indicator : tool.indicators()) {
                rows.add(List.of("", text.number(indicator.number()), indicator.nameTh(), text.score(indicator.score())));
            }
        }
        rows.add(List.of("รวม", "", "คะแนนภาพรวม", text.score(report.result().total())));
        return rows;
    }
}
