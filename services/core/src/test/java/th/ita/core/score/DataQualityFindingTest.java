package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

class DataQualityFindingTest {
    private static final Messages MESSAGES = Messages.standard();

    private static DataQualityFinding carried(String reported, String derived) {
        return new DataQualityFinding(1, 2568, "*", DataQualityFinding.Kind.CARRIED_FORWARD, reported, derived,
                "carried 62 metrics the file does not give from batch 17 (ind1, ind2, …)");
    }

    @Test
    void explainsACarriedForwardFindingInThaiAndInEnglish() {
        DataQualityFinding finding = carried("62", "17");

        assertThat(MESSAGES.render(finding.reason(), Language.TH)).isEqualTo("ยกคะแนน 62 รายการที่ไฟล์นี้ไม่ได้ให้มา มาจากชุดข้อมูลที่ 17 (ไม่ลบทิ้ง)");
        assertThat(MESSAGES.render(finding.reason(), Language.EN)).isEqualTo("carried forward 62 scores the file does not give from batch 17 (not erased)");
    }

    @Test
    void readsACarriedForwardFindingStoredInTheOlderShapeWithoutDoubledOrEnglishWords() {
        DataQualityFinding old = carried("62 metrics", "batch 17");

        assertThat(old.reported()).isEqualTo("62");
        assertThat(old.derived()).isEqualTo("17");
        assertThat(MESSAGES.render(old.reason(), Language.TH)).isEqualTo("ยกคะแนน 62 รายการที่ไฟล์นี้ไม่ได้ให้มา มาจากชุดข้อมูลที่ 17 (ไม่ลบทิ้ง)");
        assertThat(MESSAGES.render(old.reason(), Language.EN)).isEqualTo("carried forward 62 scores the file does not give from batch 17 (not erased)");
    }

    @Test
    void leavesTheSidesOfOtherKindsAsTheyWere() {
        DataQualityFinding level = new DataQualityFinding(1, 2568, "level", DataQualityFinding.Kind.LEVEL_DIFFERS, "batch A", "10 metrics", "…");

        assertThat(level.reported()).isEqualTo("batch A");
        assertThat(level.derived()).isEqualTo("10 metrics");
    }
}
