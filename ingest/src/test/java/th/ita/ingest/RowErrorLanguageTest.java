package th.ita.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.RowError;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.message.Language;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;

/** Row errors name their reason in the catalog: Thai by default, English on request, the code the same. */
class RowErrorLanguageTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    private final InMemoryStore store = new InMemoryStore();
    private final IngestScores ingest = new IngestScores(store, store, store, store, store, Frameworks.bundled(), Geography.bundled(), "node-test");

    @TempDir
    Path directory;

    private static boolean hasThai(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI);
    }

    @Test
    void explainsEveryRejectedCellInThaiAndInEnglish() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, "organization_name,organization_type,province,year,metric,value\n"
                + "ม่วงยาย,ทต.,เชียงราย,2568,total,120\n"
                + "ม่วงยาย,ทต.,เชียงราย,2568,ind1,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,2568,ind1,90\n"
                + "ม่วงยาย,ทต.,เชียงใหม่่,2568,ind2,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,2555,ind2,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,2568,ind99,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,2568,ind3,=1+1\n", StandardCharsets.UTF_8);
        IngestReport report = ingest.ingest(TENANT, file, "bad.csv", IngestOptions.detect(), IngestProgress.NONE);
        List<RowError> errors = store.errors(TENANT, report.batch().id(), 0, 100);

        assertThat(errors).extracting(RowError::code).containsExactly("OUT_OF_RANGE", "DUPLICATE", "UNKNOWN_PROVINCE", "UNKNOWN_YEAR",
                "UNKNOWN_METRIC", "FORMULA_NOT_ALLOWED");
        for (RowError error : errors) {
            assertThat(error.messageKey()).as(error.code()).startsWith("row.");
            assertThat(hasThai(error.message(Language.TH))).as(error.message(Language.TH)).isTrue();
            assertThat(error.message(Language.EN)).as(error.code()).isEqualTo(error.message()).isNotEqualTo(error.message(Language.TH));
        }
        Map<String, RowError> byCode = errors.stream().collect(Collectors.toMap(RowError::code, e -> e));
        assertThat(byCode.get("OUT_OF_RANGE").message(Language.TH)).isEqualTo("คะแนน 120 อยู่นอกช่วง 0–100");
        assertThat(byCode.get("OUT_OF_RANGE").message(Language.EN)).isEqualTo("score 120 is outside 0–100");
        assertThat(byCode.get("DUPLICATE").message(Language.TH)).isEqualTo("คะแนนเดียวกันนี้มีแล้วในบรรทัด 3; ข้ามแถวนี้");
        assertThat(byCode.get("UNKNOWN_YEAR").message(Language.EN)).startsWith("no assessment framework for 2555; known years: 2561, 2562");
    }

    @Test
    void keepsItsParametersThroughAStoresText() {
        RowError error = RowError.of(7, "value", "๑๒๐", "OUT_OF_RANGE", th.ita.core.message.Message.of("row.OUT_OF_RANGE", "value", "120"));
        RowError stored = new RowError(error.line(), error.column(), error.value(), error.code(), error.message(), error.messageKey(),
                RowError.decodeParameters(error.encodedParameters()));

        assertThat(stored.parameters()).isEqualTo(error.parameters()).containsEntry("value", "120").containsEntry("column", "value");
        assertThat(stored.message(Language.TH)).isEqualTo("คะแนน 120 อยู่นอกช่วง 0–100");
        assertThat(new RowError(3, "value", "x", "OUT_OF_RANGE", "an old English text").message(Language.TH)).isEqualTo("an old English text");
    }
}
