package th.ita.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.RowError;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.organization.Organization;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;

/** Names that would run as a spreadsheet formula once invisible characters in front of them are gone, and names too long to keep. */
class HiddenFormulasTest {
    private static final TenantId TENANT = TenantId.of("hidden");
    private static final String HEADER = "organization_code,organization_name,organization_name_en,organization_type,province,year,metric,value\n";
    private final InMemoryStore store = new InMemoryStore();
    private final IngestScores ingest = new IngestScores(store, store, store, store, store, Frameworks.bundled(), Geography.bundled(), "node-test");

    @TempDir
    Path directory;

    private IngestReport load(String content) throws IOException {
        Path path = directory.resolve("names.csv");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return ingest.ingest(TENANT, path, "names.csv", IngestOptions.detect(), IngestProgress.NONE);
    }

    private List<RowError> errors(IngestReport report) {
        return store.errors(TENANT, report.batch().id(), 0, 1000);
    }

    @Test
    void recognisesAFormulaBehindZeroWidthByteOrderBidiMarksAndSpaces() {
        for (String hidden : List.of("\u200B=HYPERLINK(\"http://x\")", "\uFEFF=1+2", "\u200E+SUM(A1)", "\u202E@cmd", "\u2066=1",
                "\u00A0\u00A0=1", "   =1", "\u2060-A1", "\u00AD=1")) {
            assertThat(Validation.looksLikeFormula(hidden)).as("%s", hidden.codePoints().mapToObj(Integer::toHexString).toList()).isTrue();
        }
        assertThat(Validation.looksLikeFormula("\u200Bม่วงยาย")).isFalse();
        assertThat(Validation.looksLikeFormula("\u200B-12.5")).isFalse();
    }

    @Test
    void rejectsHiddenFormulasInCodesAndNamesWithARowError() throws IOException {
        IngestReport report = load(HEADER
                + "5713001,ทต.ม่วงยาย,Muang Yai,ทต.,เชียงราย,2568,total,95.41\n"
                + ",\u200B=HYPERLINK(\"http://x\"),,ทต.,เชียงราย,2568,total,90\n"
                + "\u202E=1+2,ท่าข้าม,,อบต.,เชียงราย,2568,total,80\n"
                + "5713009,ทต.เวียง,\uFEFF@SUM(A1),ทต.,เชียงราย,2568,total,85\n");

        assertThat(errors(report)).extracting(RowError::line, RowError::column, RowError::code).containsExactly(
                tuple(3L, "organization_name", "FORMULA_NOT_ALLOWED"),
                tuple(4L, "organization_code", "FORMULA_NOT_ALLOWED"),
                tuple(5L, "organization_name_en", "FORMULA_NOT_ALLOWED"));
        assertThat(store.all(TENANT)).extracting(Organization::code).containsExactly("5713001");
    }

    @Test
    void storesNamesWithoutInvisibleCharacters() throws IOException {
        IngestReport report = load(HEADER + "5713001,\u200Eทต.ม่วง\u200Bยาย\u202C,\u2066Muang Yai\u2069,ทต.,เชียงราย,2568,total,95.41\n");

        assertThat(errors(report)).isEmpty();
        assertThat(store.all(TENANT)).singleElement().satisfies(organization -> {
            assertThat(organization.nameTh()).isEqualTo("ม่วงยาย");
            assertThat(organization.nameEn()).isEqualTo("Muang Yai");
        });
    }

    @Test
    void rejectsANameLongerThanTheStoreKeepsWithARowErrorAndLoadsTheRest() throws IOException {
        String longName = "ทต." + "ก".repeat(260);
        IngestReport report = load(HEADER + "5713001,ทต.ม่วงยาย,,ทต.,เชียงราย,2568,total,95.41\n"
                + "5713001," + longName + ",,ทต.,เชียงราย,2568,total,66.60\n"
                + "C" + "1".repeat(60) + ",ท่าข้าม,,อบต.,เชียงราย,2568,total,80\n");

        assertThat(errors(report)).extracting(RowError::line, RowError::column, RowError::code).containsExactly(
                tuple(3L, "organization_name", "TOO_LONG"),
                tuple(4L, "organization_code", "TOO_LONG"));
        assertThat(errors(report).get(0).message()).contains("263").contains("200");
        assertThat(store.all(TENANT)).singleElement().satisfies(organization -> assertThat(organization.aliases()).isEmpty());
    }
}
