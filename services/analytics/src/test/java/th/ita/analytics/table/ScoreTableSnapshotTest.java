package th.ita.analytics.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

class ScoreTableSnapshotTest {
    private static final Frameworks FRAMEWORKS = Frameworks.bundled();
    private static final ScoreTableSnapshot.Stamp STAMP = new ScoreTableSnapshot.Stamp("demo", 7, ScoreTable.Basis.REPORTED);

    @TempDir
    Path directory;

    private static Organization organization(long id) {
        return new Organization(id, TenantId.of("demo"), "C" + id, "หน่วยงาน " + id, null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", null, List.of());
    }

    private final List<Organization> organizations = List.of(organization(11), organization(12), organization(13));

    /** Seed 002's ม่วงยาย (its EIT reported 93.07, derived 93.06), published level and rank, a raw double and an older year. */
    private ScoreTable table(List<Organization> organizations) {
        List<ScoreFact> facts = new ArrayList<>();
        facts.add(new ScoreFact(11, 2568, "total", 95.41, Provenance.REPORTED));
        facts.add(new ScoreFact(11, 2568, "EIT", 93.07, Provenance.REPORTED));
        facts.add(new ScoreFact(11, 2568, "EIT", 93.06, Provenance.DERIVED));
        facts.add(new ScoreFact(11, 2568, "ind6", 93.94, Provenance.REPORTED));
        facts.add(new ScoreFact(11, 2568, Metric.REPORTED_LEVEL, 1, Provenance.REPORTED));
        facts.add(new ScoreFact(11, 2568, Metric.REPORTED_RANK, 50, Provenance.REPORTED));
        facts.add(new ScoreFact(12, 2568, "total", 88.123456789, Provenance.DERIVED));
        facts.add(new ScoreFact(13, 2567, "total", 79.5, Provenance.REPORTED));
        return ScoreTable.builder(organizations, FRAMEWORKS).add(facts).build();
    }

    @Test
    void readsBackEveryValueOfTheTableItWasWrittenFrom() throws Exception {
        Path file = directory.resolve("demo.table");
        ScoreTableSnapshot.write(table(organizations), STAMP, FRAMEWORKS, file);

        ScoreTable read = ScoreTableSnapshot.read(file, STAMP, organizations, FRAMEWORKS).orElseThrow();

        assertThat(read.years()).containsExactly(2567, 2568);
        assertThat(read.value(2568, "total", 0)).isEqualTo(95.41);
        assertThat(read.value(2568, "EIT", 0)).isEqualTo(93.07);
        assertThat(read.otherValue(2568, "EIT", 0)).isEqualTo(93.06);
        assertThat(read.value(2568, "ind6", 0)).isEqualTo(93.94);
        assertThat(read.value(2568, "total", 1)).isEqualTo(88.123456789);
        assertThat(read.value(2568, "total", 2)).isNaN();
        assertThat(read.value(2567, "total", 2)).isEqualTo(79.5);
        assertThat(read.reportedRank(2568, 0)).hasValue(50);
        assertThat(read.reportedLevel(2568, 0)).isEqualTo(table(organizations).reportedLevel(2568, 0));
        assertThat(read.basis()).isEqualTo(ScoreTable.Basis.REPORTED);
        assertEveryColumnEqual(read, table(organizations));
    }

    @Test
    void servesNoSnapshotOfAnotherPublicationBasisOrTenant() throws Exception {
        Path file = directory.resolve("demo.table");
        ScoreTableSnapshot.write(table(organizations), STAMP, FRAMEWORKS, file);

        assertThat(ScoreTableSnapshot.read(file, new ScoreTableSnapshot.Stamp("demo", 8, ScoreTable.Basis.REPORTED), organizations, FRAMEWORKS)).isEmpty();
        assertThat(ScoreTableSnapshot.read(file, new ScoreTableSnapshot.Stamp("demo", 6, ScoreTable.Basis.REPORTED), organizations, FRAMEWORKS)).isEmpty();
        assertThat(ScoreTableSnapshot.read(file, new ScoreTableSnapshot.Stamp("demo", 7, ScoreTable.Basis.DERIVED), organizations, FRAMEWORKS)).isEmpty();
        assertThat(ScoreTableSnapshot.read(file, new ScoreTableSnapshot.Stamp("demo-b", 7, ScoreTable.Basis.REPORTED), organizations, FRAMEWORKS)).isEmpty();
    }

    @Test
    void servesNoSnapshotWhenTheOrganizationsOrFrameworksChanged() throws Exception {
        Path file = directory.resolve("demo.table");
        ScoreTableSnapshot.write(table(organizations), STAMP, FRAMEWORKS, file);

        List<Organization> another = List.of(organization(11), organization(12), organization(14));
        assertThat(ScoreTableSnapshot.read(file, STAMP, another, FRAMEWORKS)).isEmpty();
        assertThat(ScoreTableSnapshot.read(file, STAMP, organizations.subList(0, 2), FRAMEWORKS)).isEmpty();
        List<Framework> fewer = FRAMEWORKS.all().stream().filter(framework -> framework.year() != 2561).toList();
        assertThat(ScoreTableSnapshot.read(file, STAMP, organizations, new Frameworks(fewer))).isEmpty();
    }

    @Test
    void placesEachOrganizationsValuesWhereTheStoreListsItToday() throws Exception {
        Path file = directory.resolve("demo.table");
        ScoreTableSnapshot.write(table(organizations), STAMP, FRAMEWORKS, file);
        List<Organization> reordered = List.of(organization(13), organization(11), organization(12));

        ScoreTable read = ScoreTableSnapshot.read(file, STAMP, reordered, FRAMEWORKS).orElseThrow();

        assertThat(read.value(2568, "total", 1)).isEqualTo(95.41);
        assertThat(read.otherValue(2568, "EIT", 1)).isEqualTo(93.06);
        assertThat(read.reportedRank(2568, 1)).hasValue(50);
        assertThat(read.value(2567, "total", 0)).isEqualTo(79.5);
        assertThat(read.value(2568, "total", 2)).isEqualTo(88.123456789);
        assertEveryColumnEqual(read, table(reordered));
    }

    @Test
    void reportsADamagedOrTruncatedFileAsDamaged() throws Exception {
        Path file = directory.resolve("demo.table");
        ScoreTableSnapshot.write(table(organizations), STAMP, FRAMEWORKS, file);
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> ScoreTableSnapshot.read(file, STAMP, organizations, FRAMEWORKS)).isInstanceOf(ScoreTableSnapshot.Damaged.class);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> ScoreTableSnapshot.read(file, STAMP, organizations, FRAMEWORKS)).isInstanceOf(ScoreTableSnapshot.Damaged.class);

        Files.write(file, new byte[3]);
        assertThatThrownBy(() -> ScoreTableSnapshot.read(file, STAMP, organizations, FRAMEWORKS)).isInstanceOf(ScoreTableSnapshot.Damaged.class);
    }

    @Test
    void findsNoSnapshotWhereNoneWasWritten() throws Exception {
        assertThat(ScoreTableSnapshot.read(directory.resolve("none.table"), STAMP, organizations, FRAMEWORKS)).isEqualTo(Optional.empty());
    }

    @Test
    void storesScoresOfTwoDecimalsInFourBytesEach() throws Exception {
        List<Organization> many = new ArrayList<>();
        List<ScoreFact> facts = new ArrayList<>();
        for (long id = 1; id <= 10_000; id++) {
            many.add(organization(id));
            facts.add(new ScoreFact(id, 2568, "total", (5_000 + id % 5_000) / 100.0, Provenance.REPORTED));
        }
        byte[] bytes = ScoreTableSnapshot.encode(ScoreTable.builder(many, FRAMEWORKS).add(facts).build(), STAMP, FRAMEWORKS);

        // 8 bytes of id and 4 of score per organization, and a little for the header and the empty columns.
        assertThat(bytes.length).isLessThan(10_000 * 12 + 6_000);
        ScoreTable read = ScoreTableSnapshot.decode(bytes, STAMP, many, FRAMEWORKS).orElseThrow();
        assertThat(read.value(2568, "total", 1234)).isEqualTo(62.35);
    }

    private static void assertEveryColumnEqual(ScoreTable read, ScoreTable built) {
        assertThat(read.years()).isEqualTo(built.years());
        for (int year : built.years()) {
            for (Metric metric : built.framework(year).orElseThrow().metrics()) {
                assertThat(read.column(year, metric.code()).orElseThrow()).as(year + " " + metric.code())
                        .containsExactly(built.column(year, metric.code()).orElseThrow());
                for (int organization = 0; organization < built.organizations().size(); organization++) {
                    assertThat(Double.valueOf(read.otherValue(year, metric.code(), organization))).isEqualTo(Double.valueOf(built.otherValue(year, metric.code(), organization)));
                }
            }
            for (int organization = 0; organization < built.organizations().size(); organization++) {
                assertThat(read.reportedLevel(year, organization)).isEqualTo(built.reportedLevel(year, organization));
                assertThat(read.reportedRank(year, organization)).isEqualTo(built.reportedRank(year, organization));
            }
        }
    }
}
