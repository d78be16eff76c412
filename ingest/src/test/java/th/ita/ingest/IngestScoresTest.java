package th.ita.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.batch.BatchStatus;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.message.Language;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;
import th.ita.core.testing.InMemoryStore;
import th.ita.ingest.source.SourceFile;

class IngestScoresTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    private static final String HEADER = "organization_name,organization_type,province,district,year,metric,value\n";
    private final InMemoryStore store = new InMemoryStore();
    private final IngestScores ingest = new IngestScores(store, store, store, store, store, Frameworks.bundled(), Geography.bundled(), "node-test");

    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        return file(name, content, StandardCharsets.UTF_8);
    }

    private Path file(String name, String content, Charset charset) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, content, charset);
        return path;
    }

    private Path seed(String name) throws IOException {
        Path path = directory.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/seeds/" + name)) {
            Files.copy(in, path);
        }
        return path;
    }

    private IngestReport load(Path path) {
        return ingest.ingest(TENANT, path, path.getFileName().toString(), IngestOptions.detect(), IngestProgress.NONE);
    }

    private Organization organization(String nameTh) {
        return store.all(TENANT).stream().filter(o -> o.nameTh().equals(nameTh)).findFirst().orElseThrow();
    }

    private Map<String, Double> current(Organization organization, int year, Provenance provenance) {
        return store.ofOrganization(TENANT, organization.id()).stream()
                .filter(fact -> fact.year() == year && fact.provenance() == provenance)
                .collect(Collectors.toMap(ScoreFact::metric, ScoreFact::value));
    }

    private List<RowError> errors(IngestReport report) {
        return store.errors(TENANT, report.batch().id(), 0, 1000);
    }

    @Test
    void loadsSeed002AndDerivesItsToolsAsPublished() throws IOException {
        IngestReport report = load(seed("seed-002-long.csv"));

        assertThat(report.batch().status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(report.batch().rowsRead()).isEqualTo(70);
        assertThat(report.batch().rowsRejected()).isZero();
        Organization muangYai = organization("ม่วงยาย");
        assertThat(muangYai.type()).isEqualTo(OrganizationType.SUBDISTRICT_MUNICIPALITY);
        assertThat(muangYai.provinceCode()).isEqualTo("57");
        assertThat(muangYai.districtCode()).isEqualTo("5713");
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("total", 95.41).containsEntry("ind10", 90.00).containsEntry("ind10.2", 80.00).hasSize(70);
        assertThat(current(muangYai, 2568, Provenance.DERIVED))
                .containsEntry("IIT", 98.29).containsEntry("EIT", 93.07).containsEntry("OIT", 95.00)
                .doesNotContainKey("total");
    }

    @Test
    void flagsSeed002sPublishedFiguresThatDisagreeWithTheirItems() throws IOException {
        load(seed("seed-002-long.csv"));

        List<DataQualityFinding> findings = store.findingsOf(TENANT, organization("ม่วงยาย").id());
        // o25–o28 average 87.50, so indicator 10 from items is 93.75, not the published 90.00. The EIT indicators
        // are the mean of the Public and Survey channel means: the CSV carries only the Public items (e1–e9), so
        // ind6–ind8 are not derived and raise no finding (they did when the Public items alone were averaged).
        assertThat(findings).extracting(DataQualityFinding::metric, DataQualityFinding::reported, DataQualityFinding::derived)
                .contains(tuple("ind10", "90.00", "93.75"));
        assertThat(findings).extracting(DataQualityFinding::metric).doesNotContain("ind1", "ind2", "ind3", "ind4", "ind5", "ind6", "ind7", "ind8", "total");
    }

    @Test
    void derivesSeed002sEitIndicatorsFromBothChannelsAsPublished() throws IOException {
        // Seed 002 lines 149–173: Public e1–e9 and Survey ("Servay") es1–es9.
        StringBuilder csv = new StringBuilder(HEADER);
        double[] survey = {82, 86, 100, 90, 86, 87, 83, 88, 86};
        for (int i = 0; i < 9; i++) {
            csv.append("ม่วงยาย,ทต.,เชียงราย,เวียงแก่น,2568,es").append(i + 1).append(',').append(survey[i]).append('\n');
        }
        Path seed = seed("seed-002-long.csv");
        Files.writeString(seed, Files.readString(seed) + csv.substring(HEADER.length()));

        load(seed);

        Organization muangYai = organization("ม่วงยาย");
        assertThat(store.findingsOf(TENANT, muangYai.id())).extracting(DataQualityFinding::metric).doesNotContain("ind6", "ind7", "ind8");
        assertThat(current(muangYai, 2568, Provenance.DERIVED)).containsEntry("EIT", 93.07);
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("ind6", 93.94).containsEntry("es1", 82.0);
    }

    @Test
    void recognisesTheSameFileUploadedAgainAndChangesNothing() throws IOException {
        Path seed = seed("seed-002-long.csv");
        IngestReport first = load(seed);
        long scores = store.countCurrentScores(TENANT);

        IngestReport second = load(seed);

        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.batch().id()).isEqualTo(first.batch().id());
        assertThat(store.list(TENANT, 10)).hasSize(1);
        assertThat(store.countCurrentScores(TENANT)).isEqualTo(scores);
    }

    @Test
    void readsThaiDigitsBuddhistAndCommonEraYearsAndAbbreviatedNames() throws IOException {
        IngestReport report = load(file("wide.csv", """
                ชื่อหน่วยงาน,จังหวัด,ปีงบประมาณ,IIT,EIT,OIT,คะแนนรวม,ระดับ
                ทต.ม่วงยาย,จ.เชียงราย,๒๕๖๘,๙๘.๒๙,93.07,คะแนน 95.00,95.41,ผ่านดี
                เทศบาลตำบลม่วงยาย,เชียงราย,2024,90,90,90,90,ผ่านดี
                """));

        assertThat(errors(report)).isEmpty();
        Organization muangYai = organization("ม่วงยาย");
        assertThat(store.all(TENANT)).hasSize(1);
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("IIT", 98.29).containsEntry("total", 95.41);
        assertThat(current(muangYai, 2567, Provenance.REPORTED)).containsEntry("total", 90.0);
        assertThat(store.findingsOf(TENANT, muangYai.id())).isEmpty();
    }

    @Test
    void readsTis620EncodedCsvAsThaiOfficesWriteIt() throws IOException {
        Path path = file("tis620.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,เวียงแก่น,2568,คะแนนรวม,95.41\n", SourceFile.THAI_SINGLE_BYTE);

        IngestReport report = load(path);

        assertThat(errors(report)).isEmpty();
        assertThat(organization("ม่วงยาย").provinceCode()).isEqualTo("57");
    }

    @Test
    void readsUtf8WithAByteOrderMark() throws IOException {
        IngestReport report = load(file("bom.csv", "\uFEFF" + HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,total,95.41\n"));

        assertThat(errors(report)).isEmpty();
        assertThat(report.batch().scoresAccepted()).isEqualTo(1);
    }

    @Test
    void readsAWideXlsxWorkbookAndRejectsFormulaCells() throws IOException {
        Path path = directory.resolve("scores.xlsx");
        try (OutputStream out = Files.newOutputStream(path)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("ITA");
            String[] header = {"รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภท", "จังหวัด", "ปี", "ind1", "ind2"};
            for (int i = 0; i < header.length; i++) {
                sheet.value(0, i, header[i]);
            }
            Object[] row = {"5713001", "ม่วงยาย", "ทต.", "เชียงราย", 2568, 98.67, 99.24};
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Number number) {
                    sheet.value(1, i, number);
                } else {
                    sheet.value(1, i, (String) row[i]);
                }
            }
            sheet.value(2, 0, "5713001");
            sheet.value(2, 1, "ม่วงยาย");
            sheet.value(2, 2, "ทต.");
            sheet.value(2, 3, "เชียงราย");
            sheet.value(2, 4, 2567);
            sheet.formula(2, 5, "F2*2");
            sheet.value(2, 6, 80);
            workbook.finish();
        }

        IngestReport report = load(path);

        assertThat(report.batch().format()).isEqualTo("xlsx");
        assertThat(organization("ม่วงยาย").code()).isEqualTo("5713001");
        assertThat(current(organization("ม่วงยาย"), 2568, Provenance.REPORTED)).containsEntry("ind1", 98.67).containsEntry("ind2", 99.24);
        assertThat(errors(report)).extracting(RowError::line, RowError::column, RowError::code)
                .containsExactly(tuple(3L, "ind1", "FORMULA_NOT_ALLOWED"));
    }

    @Test
    void readsJsonRows() throws IOException {
        IngestReport report = load(file("scores.json", """
                {"source": "NACC", "rows": [
                  {"organization_code": "5713001", "organization_name": "ทต.ม่วงยาย", "province": "เชียงราย", "year": 2568, "metric": "total", "value": 95.41},
                  {"organization_code": "5713001", "year": "2568", "metric": "ind1", "value": "98.67"}
                ]}
                """));

        assertThat(errors(report)).isEmpty();
        assertThat(current(organization("ม่วงยาย"), 2568, Provenance.REPORTED)).containsEntry("total", 95.41).containsEntry("ind1", 98.67);
    }

    @Test
    void rejectsBadCellsWithLineColumnAndValueAndKeepsTheRest() throws IOException {
        IngestReport report = load(file("bad.csv", HEADER
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind2,120\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind3,=1+2\n"
                + "ม่วงยาย,ทต.,แอตแลนติส,,2568,ind4,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2599,ind4,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind99,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind5,97.90\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind5,97.00\n"
                + "=HYPERLINK(\"http://x\"),ทต.,เชียงราย,,2568,ind6,90\n"
                + "ม่วงยาย,ทต.,เชียงราย,,ปีหน้า,ind7,90\n"));

        assertThat(errors(report)).extracting(RowError::line, RowError::column, RowError::value, RowError::code).containsExactly(
                tuple(3L, "value", "120", "OUT_OF_RANGE"),
                tuple(4L, "value", "=1+2", "FORMULA_NOT_ALLOWED"),
                tuple(5L, "province", "แอตแลนติส", "UNKNOWN_PROVINCE"),
                tuple(6L, "year", "2599", "UNKNOWN_YEAR"),
                tuple(7L, "metric", "ind99", "UNKNOWN_METRIC"),
                tuple(8L, "value", "98.67", "DUPLICATE"),
                tuple(10L, "value", "97.00", "CONFLICTING_VALUE"),
                tuple(11L, "organization_name", "=HYPERLINK(\"http://x\")", "FORMULA_NOT_ALLOWED"),
                tuple(12L, "year", "ปีหน้า", "INVALID_YEAR"));
        assertThat(report.batch().status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(report.batch().rowsRejected()).isEqualTo(9);
        assertThat(current(organization("ม่วงยาย"), 2568, Provenance.REPORTED)).containsOnlyKeys("ind1");
        assertThat(store.all(TENANT)).extracting(Organization::nameTh).containsExactly("ม่วงยาย");
    }

    @Test
    void keepsEveryValueExactlyAsWrittenWhetherOrNotItHasTwoDecimals() throws IOException {
        // Values are held as hundredths while they are; a third decimal turns the org-year's values into doubles,
        // and a later duplicate or conflict is still recognised against the value held.
        IngestReport report = load(file("exact.csv", HEADER
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind2,87.125\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind3,0\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind4,100\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2568,ind2,87.12\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2567,ind1,33.333333\n"
                + "ม่วงยาย,ทต.,เชียงราย,,2567,ind2,50.5\n"));

        assertThat(errors(report)).extracting(RowError::line, RowError::code).containsExactly(
                tuple(6L, "DUPLICATE"), tuple(7L, "CONFLICTING_VALUE"));
        assertThat(current(organization("ม่วงยาย"), 2568, Provenance.REPORTED))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ind1", 98.67, "ind3", 0.0, "ind4", 100.0));
        assertThat(current(organization("ม่วงยาย"), 2567, Provenance.REPORTED))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ind1", 33.333333, "ind2", 50.5));
    }

    @Test
    void failsATruncatedFileAndPublishesNothingOfIt() throws IOException {
        Path truncated = file("truncated.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n\"ม่วงยาย,ทต.,เชียงราย");

        assertThatThrownBy(() -> load(truncated)).isInstanceOf(ItaException.class).hasMessageContaining("line 3").hasMessageContaining("truncated");

        assertThat(store.list(TENANT, 10)).singleElement().satisfies(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.FAILED));
        assertThat(store.all(TENANT)).isEmpty();
        assertThat(store.countCurrentScores(TENANT)).isZero();
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertThatThrownBy(() -> load(file("empty.csv", "")))
                .isInstanceOf(ItaException.class).hasMessageContaining("empty")
                .extracting(e -> ((ItaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void rejectsAFileWithAHeaderOnly() throws IOException {
        assertThatThrownBy(() -> load(file("header.csv", HEADER))).hasMessageContaining("no data rows");
    }

    @Test
    void rejectsUtf16TextAsAWrongEncoding() throws IOException {
        Path utf16 = file("utf16.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,98.67\n", StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> load(utf16)).hasMessageContaining("NUL bytes").hasMessageContaining("UTF-8");
    }

    @Test
    void explainsAHeaderItCannotRead() throws IOException {
        assertThatThrownBy(() -> load(file("other.csv", "a,b,c\n1,2,3\n"))).hasMessageContaining("line 1").hasMessageContaining("year");
    }

    @Test
    void failsTheBatchWhenEveryRowIsRejected() throws IOException {
        IngestReport report = load(file("allbad.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,ind1,101\n"));

        assertThat(report.batch().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(report.batch().failure().key()).contains("batch.failure.noValidScores");
        assertThat(report.batch().failure().in(Language.TH)).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
        assertThat(report.batch().failure().in(Language.EN)).isEqualTo("no valid scores in the file: every row was rejected");
        assertThat(report.firstErrors()).extracting(RowError::code).containsExactly("OUT_OF_RANGE");
    }

    @Test
    void replacesAnOrgYearWithALaterBatchAndKeepsTheEarlierValuesTraceable() throws IOException {
        IngestReport first = load(file("first.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,total,95.00\nม่วงยาย,ทต.,เชียงราย,,2567,total,90.00\n"));
        IngestReport second = load(file("second.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,,2568,total,95.41\n"));

        Organization muangYai = organization("ม่วงยาย");
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("total", 95.41);
        assertThat(current(muangYai, 2567, Provenance.REPORTED)).containsEntry("total", 90.00);
        assertThat(store.of(TENANT, muangYai.id(), 2568, "total")).extracting(h -> h.batchId(), h -> h.value(), h -> h.current())
                .containsExactly(tuple(first.batch().id(), 95.00, false), tuple(second.batch().id(), 95.41, true));
    }

    @Test
    void recordsAReportedLevelThatTheYearsRulesContradict() throws IOException {
        load(file("level.csv", "ชื่อหน่วยงาน,จังหวัด,ปี,IIT,EIT,OIT,คะแนนรวม,ระดับ\nทต.ม่วงยาย,เชียงราย,2568,99.10,83.20,99.00,94.29,ผ่านดี\n"));

        assertThat(store.findingsOf(TENANT, organization("ม่วงยาย").id())).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(DataQualityFinding.Kind.LEVEL_DIFFERS);
            assertThat(finding.reported()).isEqualTo("ผ่านดี");
            assertThat(finding.derived()).isEqualTo("ผ่าน");
            assertThat(finding.message()).contains("ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 83.20 < 85");
        });
    }

    @Test
    void storesThePublishedLevelAndRankBesideTheScoresAndTrustsALevelItCannotCheck() throws IOException {
        // What NACC publishes for everyone: total, level and rank ("ลำดับที่ ๕๐"), no tools.
        load(file("nacc.csv", "ชื่อหน่วยงาน,จังหวัด,ปี,คะแนนรวม,ระดับ,ลำดับที่\nทต.ม่วงยาย,เชียงราย,2568,95.41,ผ่านดี,๕๐\n"));

        Organization muangYai = organization("ม่วงยาย");
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("total", 95.41)
                .containsEntry(th.ita.core.framework.Metric.REPORTED_LEVEL, 2.0).containsEntry(th.ita.core.framework.Metric.REPORTED_RANK, 50.0);
        assertThat(store.findingsOf(TENANT, muangYai.id())).isEmpty();
    }

    @Test
    void rejectsARankThatIsNotAWholeNumber() throws IOException {
        IngestReport report = load(file("rank.csv", "ชื่อหน่วยงาน,จังหวัด,ปี,คะแนนรวม,ลำดับที่\nทต.ม่วงยาย,เชียงราย,2568,95.41,50.5\n"));

        assertThat(report.firstErrors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("INVALID_RANK");
            assertThat(error.value()).isEqualTo("50.5");
        });
    }

    @Test
    void keepsTheDetailWhenARowOfTotalAndLevelAloneFollowsAndRecordsWhereItCameFrom() throws IOException {
        // Seed 002 in detail, then what NACC publishes for everyone: total and level only.
        IngestReport detailed = load(seed("seed-002-long.csv"));
        IngestReport nacc = load(file("nacc.csv", "ชื่อหน่วยงาน,จังหวัด,ปี,คะแนนรวม,ระดับ\nทต.ม่วงยาย,เชียงราย,2568,95.41,ผ่านดี\n"));

        Organization muangYai = organization("ม่วงยาย");
        // Nothing erased: 70 reported figures and the level; the tools are derived again, the level stays ผ่านดี.
        assertThat(current(muangYai, 2568, Provenance.REPORTED)).containsEntry("ind1", 98.67).containsEntry("o27", 50.0)
                .containsEntry(th.ita.core.framework.Metric.REPORTED_LEVEL, 2.0).hasSize(71);
        assertThat(current(muangYai, 2568, Provenance.DERIVED)).containsEntry("IIT", 98.29).containsEntry("EIT", 93.07);
        List<DataQualityFinding> findings = store.findingsOf(TENANT, muangYai.id());
        assertThat(findings).extracting(DataQualityFinding::kind).doesNotContain(DataQualityFinding.Kind.LEVEL_DIFFERS);
        assertThat(findings).filteredOn(f -> f.kind() == DataQualityFinding.Kind.CARRIED_FORWARD).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("69 metrics").contains("batch " + detailed.batch().id()));
        // The total and the published level came from the file; the carried figures did not.
        assertThat(nacc.batch().scoresAccepted()).isEqualTo(2);
        // The second batch is the source now; the first one's values stay traceable.
        assertThat(store.of(TENANT, muangYai.id(), 2568, "ind1")).extracting(h -> h.batchId(), h -> h.current())
                .containsExactly(tuple(detailed.batch().id(), false), tuple(nacc.batch().id(), true));
    }

    @Test
    void holdsBackANewOrganizationWhoseNameIsCloseToAKnownOneOfTheSameDistrict() throws IOException {
        load(seed("seed-002-long.csv"));

        // Seed 002 spells ม่วงยาย as ม่วงฝอย four times (I-002-1), with the right district.
        IngestReport report = load(file("typo.csv", HEADER + "ม่วงฝอย,ทต.,เชียงราย,เวียงแก่น,2567,total,90.00\n"));

        assertThat(errors(report)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("SIMILAR_ORGANIZATION");
            assertThat(error.value()).isEqualTo("ม่วงฝอย");
            assertThat(error.message()).contains("did you mean เทศบาลตำบลม่วงยาย");
        });
        assertThat(store.all(TENANT)).hasSize(1);
    }

    @Test
    void registersACloseNameOnlyWhenAskedAndThenRecordsAFinding() throws IOException {
        load(seed("seed-002-long.csv"));
        Path typo = file("typo.csv", HEADER + "ม่วงฝอย,ทต.,เชียงราย,เวียงแก่น,2567,total,90.00\n");

        ingest.ingest(TENANT, typo, "typo.csv", IngestOptions.detect().withSimilarNames(IngestOptions.SimilarNames.REGISTER), IngestProgress.NONE);

        assertThat(store.all(TENANT)).hasSize(2);
        assertThat(store.findingsOf(TENANT, organization("ม่วงฝอย").id())).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(DataQualityFinding.Kind.SIMILAR_NAME);
            assertThat(finding.message()).contains("เทศบาลตำบลม่วงยาย").contains("district");
        });
    }

    @Test
    void rejectsAKnownNameWithAnotherDistrict() throws IOException {
        load(seed("seed-002-long.csv"));

        // Seed 002 line 69 says อำเภอสร้างเวียงแก่น; เมืองเชียงราย is a real district of the province, not ม่วงยาย's.
        IngestReport report = load(file("district.csv", HEADER + "ม่วงยาย,ทต.,เชียงราย,สร้างเวียงแก่น,2567,total,90.00\n"
                + "ม่วงยาย,ทต.,เชียงราย,เมืองเชียงราย,2566,total,88.00\nม่วงยาย,ทต.,เชียงราย,เวียงแก่น,2565,total,85.00\n"));

        assertThat(errors(report)).extracting(RowError::line, RowError::code).containsExactly(tuple(2L, "DISTRICT_MISMATCH"), tuple(3L, "DISTRICT_MISMATCH"));
        assertThat(errors(report).get(0).message(th.ita.core.message.Language.TH)).contains("อยู่ในอำเภอเวียงแก่น ไม่ใช่ 'สร้างเวียงแก่น'");
        // The English reason names the district in English, from the reference data.
        assertThat(errors(report).get(0).message(th.ita.core.message.Language.EN)).contains("is in Wiang Kaen district, not 'สร้างเวียงแก่น'");
        assertThat(current(organization("ม่วงยาย"), 2565, Provenance.REPORTED)).containsEntry("total", 85.0);
    }

    @Test
    void asksForTheMissingFieldsOfAnOrganizationItCannotFind() throws IOException {
        IngestReport report = load(file("unknown.csv", "organization_code,year,metric,value\nX-1,2568,total,90\n"));

        assertThat(report.firstErrors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("UNKNOWN_ORGANIZATION");
            assertThat(error.message()).contains("organization_name, organization_type, province");
        });
    }

    @Test
    void remembersAnotherSpellingOfAKnownOrganization() throws IOException {
        load(file("a.csv", "organization_code,organization_name,organization_type,province,year,metric,value\n5713001,ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\n"));
        load(file("b.csv", "organization_code,organization_name,year,metric,value\n5713001,ม่วงฝอย,2567,total,90\n"));

        assertThat(organization("ม่วงยาย").aliases()).containsExactly("ม่วงฝอย");
        IngestReport byAlias = load(file("c.csv", HEADER + "ม่วงฝอย,ทต.,เชียงราย,,2566,total,88\n"));
        assertThat(errors(byAlias)).isEmpty();
        assertThat(store.all(TENANT)).hasSize(1);
    }

    @Test
    void reportsProgressUpToTheWholeFile() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 25_000; i++) {
            csv.append("ม่วงยาย,ทต.,เชียงราย,,").append(2561 + i % 8).append(",o").append(i).append(",1\n");
        }
        Path path = file("progress.csv", csv.toString());
        List<long[]> updates = new java.util.ArrayList<>();

        ingest.ingest(TENANT, path, "progress.csv", IngestOptions.detect(), (bytes, total, rows) -> updates.add(new long[] {bytes, total, rows}));

        assertThat(updates).hasSizeGreaterThanOrEqualTo(3);
        assertThat(updates.get(updates.size() - 1)).containsExactly(Files.size(path), Files.size(path), 25_000);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"long-layout.csv", "wide-layout-thai.csv", "rows.json"})
    void loadsTheDocumentedExampleFilesWithoutErrors(String example) throws IOException {
        Path path = directory.resolve(example);
        Files.copy(Path.of("examples", example), path);

        IngestReport report = load(path);

        assertThat(report.firstErrors()).isEmpty();
        assertThat(report.batch().status()).isEqualTo(BatchStatus.PUBLISHED);
        assertThat(organization("ม่วงยาย").code()).isEqualTo("5713001");
    }
}
