package th.ita.reports.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.geography.Geography;
import th.ita.reports.SeedReports;
import th.ita.reports.ThaiDocumentText;
import th.ita.reports.document.Block;

/** The follow-up report of measures planned on seed 002's 2568 result, before 2569's result is loaded. */
class DraftFollowUpReportTest {
    private static SeedReports seeds;

    @BeforeAll
    static void load(@TempDir Path directory) {
        seeds = new SeedReports(directory);
    }

    @Test
    void givesEachMeasureItsTargetResultAndARecommendationFromItsStatusAndEffect() {
        List<DraftFollowUpReport.Recorded> measures = List.of(
                new DraftFollowUpReport.Recorded("o27", "เผยแพร่มาตรการ", "จัดทำและเผยแพร่", "สำนักปลัด", "1 ตุลาคม 2568 – 30 กันยายน 2569",
                        MeasureStatus.DONE, "เผยแพร่แล้ว", "https://muangyai.go.th/o27"),
                new DraftFollowUpReport.Recorded("ind10", "ป้องกันการทุจริต", "", "", "", MeasureStatus.IN_PROGRESS, "", null),
                new DraftFollowUpReport.Recorded("ind4", "ทรัพย์สิน", "", "", "", MeasureStatus.CANCELLED, "", null));

        FollowUpReport report = new DraftFollowUpReport(Geography.bundled()).draft(seeds.table(), seeds.index("ม่วงยาย"), 2569, measures);

        assertThat(report.rows()).extracting(FollowUpReport.Row::targetTh, FollowUpReport.Row::before, FollowUpReport.Row::after, FollowUpReport.Row::recommendationTh)
                .containsExactly(
                        tuple("ข้อ o27 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 50.0, null, "ติดตามผลการประเมิน ITA ปี 2569 เพื่อวัดผลของมาตรการ"),
                        tuple("ตัวชี้วัดที่ 10 การป้องกันการทุจริต", 90.0, null, "เร่งดำเนินการให้แล้วเสร็จภายในปีงบประมาณ และรายงานผลพร้อมหลักฐาน"),
                        tuple("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", 95.62, null, "ทบทวนความจำเป็นของมาตรการและกำหนดมาตรการทดแทนในปีถัดไป"));
        Block.Table table = (Block.Table) FollowUpReportLayout.blocks(report, new ThaiDocumentText(true)).get(3);
        assertThat(table.rows().get(0)).containsExactly("๑", "เผยแพร่มาตรการ\n(ข้อ o๒๗ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน)", "จัดทำและเผยแพร่",
                "สำนักปลัด", "๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙", "ดำเนินการแล้วเสร็จ\nเผยแพร่แล้ว\nหลักฐาน: https://muangyai.go.th/o27", "๕๐.๐๐ → –",
                "ติดตามผลการประเมิน ITA ปี ๒๕๖๙ เพื่อวัดผลของมาตรการ");
    }

    @Test
    void recommendsKeepingAMeasureThatWentWithARiseAndReviewingOneThatDidNot() {
        assertThat(DraftFollowUpReport.recommendation(MeasureStatus.DONE, new DraftFollowUpReport.Effect(90.0, 95.0, 5.0), 2569))
                .isEqualTo("คะแนนเพิ่มขึ้น 5.00 คะแนน ควรดำเนินมาตรการนี้อย่างต่อเนื่อง");
        assertThat(DraftFollowUpReport.recommendation(MeasureStatus.DONE, new DraftFollowUpReport.Effect(90.0, 89.5, -0.5), 2569))
                .isEqualTo("คะแนนไม่เพิ่มขึ้น (-0.50) ควรทบทวนวิธีการดำเนินการของมาตรการ");
    }
}
