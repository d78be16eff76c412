package th.ita.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.core.batch.BatchFailure;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestReport;

class CommandLineTest {
    private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");

    private static boolean hasThai(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI);
    }

    private static String usage(Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine.usage(new PrintStream(out, true, StandardCharsets.UTF_8), language);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String printed(IngestReport report, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine.print(report, language, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static IngestReport rejected() {
        IngestBatch batch = new IngestBatch(7, TenantId.of("demo"), "allbad.csv", "abc", "csv", BatchStatus.FAILED, AT, AT, 1, 0, 0, 1, 0, 0,
                BatchFailure.of(Message.of("batch.failure.noValidScores")), "node-a", AT);
        RowError outOfRange = RowError.of(2, "value", "101", "OUT_OF_RANGE", Message.of("row.OUT_OF_RANGE", "value", "101"));
        return new IngestReport(batch, false, List.of(outOfRange));
    }

    @Test
    void explainsItsCommandsInThaiByDefaultAndInEnglishOnRequest() {
        String thai = usage(Language.TH);
        String english = usage(Language.EN);

        assertThat(thai).startsWith("วิธีใช้:").contains("java -jar ita-app.jar ingest --tenant T").contains("นำเข้าไฟล์คะแนน").contains("--lang th|en")
                .doesNotContain("load score files");
        assertThat(english).startsWith("usage:").contains("java -jar ita-app.jar ingest --tenant T").contains("load score files into tenant T");
        assertThat(hasThai(english)).isFalse();
    }

    @Test
    void reportsAFailedFileWithItsReasonAndRowErrorsInThaiOrInEnglish() {
        String thai = printed(rejected(), Language.TH);
        String english = printed(rejected(), Language.EN);

        assertThat(thai).isEqualTo("""
                allbad.csv: ชุดข้อมูลที่ 7 ล้มเหลว — อ่าน 1 แถว รับคะแนน 0 รายการ คำนวณ 0 รายการ ปฏิเสธ 1 แถว ข้อสังเกต 0 รายการ หน่วยงาน-ปี 0 รายการ
                  ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ
                  บรรทัด 2 คอลัมน์ value ค่า '101': คะแนน 101 อยู่นอกช่วง 0–100 (OUT_OF_RANGE)
                """);
        assertThat(english).isEqualTo("""
                allbad.csv: batch 7 failed — 1 rows read, 0 scores accepted, 0 derived, 1 rows rejected, 0 findings, 0 org-years
                  no valid scores in the file: every row was rejected
                  line 2, column value, value '101': score 101 is outside 0–100 (OUT_OF_RANGE)
                """);
    }

    @Test
    void saysAFileWasLoadedBeforeInTheReadersLanguage() {
        IngestBatch batch = new IngestBatch(3, TenantId.of("demo"), "seed.csv", "abc", "csv", BatchStatus.PUBLISHED, AT, AT, 10, 10, 5, 0, 0, 1,
                null, "node-a", AT);

        assertThat(printed(new IngestReport(batch, true, List.of()), Language.TH))
                .isEqualTo("seed.csv: เคยนำเข้าแล้วเป็นชุดข้อมูลที่ 3 เมื่อ 2026-11-22T03:00:00Z ไม่มีอะไรเปลี่ยน\n");
        assertThat(printed(new IngestReport(batch, true, List.of()), Language.EN))
                .isEqualTo("seed.csv: already loaded as batch 3 on 2026-11-22T03:00:00Z; nothing changed\n");
    }
}
