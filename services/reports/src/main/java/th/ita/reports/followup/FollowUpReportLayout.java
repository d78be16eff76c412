package th.ita.reports.followup;

import java.util.ArrayList;
import java.util.List;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.document.Block;

/** The follow-up report laid out as organizations publish it: a heading, one table of the measures, signatures. */
public final class FollowUpReportLayout {
    static final String SHORT_BLANK = "………………………";

    private FollowUpReportLayout() {
    }

    public static List<Block> blocks(FollowUpReport report, ThaiDocumentText text) {
        String year = text.number(report.fiscalYear());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"));
        blocks.add(new Block.Heading(report.organizationTh() + (report.districtTh().isEmpty() ? "" : " อำเภอ" + report.districtTh())
                + " จังหวัด" + report.provinceTh() + " ประจำปีงบประมาณ พ.ศ. " + year));
        blocks.add(new Block.Paragraph("ผลต่อคะแนน: คะแนนของตัวชี้วัดหรือข้อที่มาตรการมุ่งพัฒนา ปีงบประมาณ พ.ศ. " + text.number(report.fiscalYear() - 1)
                + " เทียบกับปีงบประมาณ พ.ศ. " + year, false));
        List<List<String>> rows = new ArrayList<>();
        int number = 0;
        for (FollowUpReport.Row row : report.rows()) {
            String result = row.status().nameTh() + (row.resultTh().isBlank() ? "" : "\n" + text.digits(row.resultTh()))
                    + (row.evidenceUrl() == null || row.evidenceUrl().isBlank() ? "" : "\nหลักฐาน: " + row.evidenceUrl());
            String effect = text.score(row.before()) + " → " + text.score(row.after())
                    + (row.change() == null ? "" : " (" + text.change(row.change()) + ")");
            rows.add(List.of(text.number(++number), text.digits(row.titleTh()) + "\n(" + text.digits(row.targetTh()) + ")", text.digits(row.methodTh()),
                    row.ownerTh().isBlank() ? SHORT_BLANK : row.ownerTh(), text.digits(row.periodTh()), result, effect, text.digits(row.recommendationTh())));
        }
        if (rows.isEmpty()) {
            rows.add(List.of("", "ยังไม่มีมาตรการที่บันทึกไว้สำหรับปีนี้", "", "", "", "", "", ""));
        }
        blocks.add(new Block.Table(List.of("ลำดับ", "มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินการ", "ผลต่อคะแนน", "ข้อเสนอแนะ"),
                rows, List.of(6, 18, 18, 10, 11, 14, 10, 13), true));
        blocks.add(new Block.Signature(List.of("(ลงชื่อ)" + SHORT_BLANK + "ผู้รายงาน", "(" + SHORT_BLANK + ")", "ตำแหน่ง" + SHORT_BLANK)));
        return blocks;
    }
}
