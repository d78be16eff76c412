package th.ita.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;
import th.ita.core.framework.MetricKind;
import th.ita.core.framework.Tool;
import th.ita.core.geography.Geography;
import th.ita.core.score.Scores;

class GenerateNationalDatasetTest {
    private static final int FIRST_YEAR = 2561;
    private static final int LAST_YEAR = 2568;
    private static final Frameworks FRAMEWORKS = Frameworks.bundled();

    private static String csv;
    private static GenerateNationalDataset.Summary summary;
    private static DatasetFigures dataset;

    @BeforeAll
    static void generateTheNationalDatasetOnce() throws IOException {
        StringWriter out = new StringWriter(16 << 20);
        summary = generator().writeWideCsv(out, FIRST_YEAR, LAST_YEAR);
        csv = out.toString();
        dataset = new DatasetFigures(csv);
    }

    @AfterAll
    static void printTheRealizedFiguresForTheReadme() {
        System.out.println(summary);
        System.out.println(dataset.markdown());
    }

    @Test
    void writesTheSameBytesOnEveryRun() throws IOException {
        StringWriter again = new StringWriter(16 << 20);
        generator().writeWideCsv(again, FIRST_YEAR, LAST_YEAR);

        assertThat(sha256(again.toString())).isEqualTo(sha256(csv));
    }

    @Test
    void writesUtf8WithOneHeaderRowAndLfLineEnds() {
        assertThat(csv).doesNotStartWith("\uFEFF").doesNotContain("\r").endsWith("\n");
        List<String> expected = new ArrayList<>(List.of("organization_code", "organization_name", "organization_type", "province", "district", "year",
                "total", "IIT", "EIT", "OIT"));
        IntStream.rangeClosed(1, 10).forEach(i -> expected.add("ind" + i));
        IntStream.rangeClosed(1, 15).forEach(i -> expected.add("i" + i));
        IntStream.rangeClosed(1, 9).forEach(i -> expected.add("e" + i));
        // The 2568 EIT Survey channel, framework data since both channels make an EIT indicator.
        IntStream.rangeClosed(1, 9).forEach(i -> expected.add("es" + i));
        IntStream.rangeClosed(1, 28).forEach(i -> expected.add("o" + i));
        // The OIT groups: filled where a published report gives them (seed 002), derived by the platform elsewhere.
        expected.addAll(List.of("ind9.1", "ind9.2", "ind9.3", "ind9.4", "ind9.5", "ind10.1", "ind10.2"));
        expected.add("level");
        assertThat(dataset.header).containsExactlyElementsOf(expected);
        assertThat(csv.substring(0, csv.indexOf('\n'))).isEqualTo(String.join(",", expected));
    }

    @Test
    void countsAboutSevenThousandEightHundredFiftyOrganizationsInTheNationalTypeMix() {
        Map<String, Integer> byType = dataset.organizationsByType();

        assertThat(summary.organizations()).isBetween(7_700, 8_000);
        assertThat(byType.get("อบจ.")).isEqualTo(76);
        assertThat(byType.get("พิเศษ")).isEqualTo(2);
        assertThat(byType.get("ทน.")).isBetween(26, 34);
        assertThat((double) byType.get("ทม.")).isCloseTo(190, within(190 * 0.15));
        assertThat((double) byType.get("ทต.")).isCloseTo(2_240, within(2_240 * 0.15));
        assertThat((double) byType.get("อบต.")).isCloseTo(5_310, within(5_310 * 0.15));
        Map<String, Integer> summarized = summary.organizationsByType().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().abbreviationTh(), Map.Entry::getValue));
        assertThat(summarized).isEqualTo(byType);
    }

    @Test
    void givesEveryOrganizationAUniqueSevenDigitCodeAndAUniqueNameInItsProvinceAndType() {
        Map<String, String> identityByCode = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (DatasetFigures.Row row : dataset.rows) {
            String identity = row.province() + "/" + row.type() + "/" + row.name();
            String previous = identityByCode.putIfAbsent(row.code(), identity);
            if (previous == null) {
                assertThat(names.add(identity)).as("name used twice: %s", identity).isTrue();
            } else {
                assertThat(previous).as("code %s names one organization", row.code()).isEqualTo(identity);
            }
        }
        assertThat(identityByCode.keySet()).hasSize(summary.organizations()).allMatch(code -> code.matches("\\d{7}"));
    }

    @Test
    void writesOneRowPerOrganizationAndYearWithTheSummaryCounts() {
        Map<String, List<Integer>> yearsByCode = new LinkedHashMap<>();
        dataset.rows.forEach(row -> yearsByCode.computeIfAbsent(row.code(), code -> new ArrayList<>()).add(row.year()));
        long scores = dataset.rows.stream().mapToLong(row -> Arrays.stream(row.values()).filter(value -> !Double.isNaN(value)).count()).sum();

        assertThat(yearsByCode.values()).allMatch(years -> years.equals(IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList()));
        assertThat(summary.rows()).isEqualTo(dataset.rows.size()).isEqualTo(8L * summary.organizations());
        assertThat(summary.scores()).isEqualTo(scores);
    }

    @Test
    void placesBangkokAndPattayaAsTheOnlySpecialOrganizationsAndNothingElseInBangkok() {
        Set<String> special = dataset.rows.stream().filter(row -> row.type().equals("พิเศษ"))
                .map(row -> row.code() + " " + row.name() + " " + row.province() + " " + row.district()).collect(Collectors.toSet());
        Set<String> inBangkok = dataset.rows.stream().filter(row -> row.province().equals("กรุงเทพมหานคร")).map(DatasetFigures.Row::code)
                .collect(Collectors.toSet());

        assertThat(special).hasSize(2).contains("1000001 กรุงเทพมหานคร กรุงเทพมหานคร ").anyMatch(text -> text.matches("20\\d{5} เมืองพัทยา ชลบุรี บางละมุง"));
        assertThat(inBangkok).containsExactly("1000001");
    }

    @Test
    void writesEveryScoreWithTwoDecimalsBetweenZeroAndHundred() {
        assertThat(dataset.malformedCells).isEmpty();
    }

    @Test
    void fillsExactlyTheMetricsOfEachYearsFrameworkAndLeavesTheOthersEmpty() {
        for (DatasetFigures.Row row : dataset.rows) {
            if (isPublished(row)) {
                continue;
            }
            Framework framework = FRAMEWORKS.require(row.year());
            // Generated rows carry no group subtotals: the platform derives them from the items.
            Set<String> codes = framework.metrics().stream().filter(metric -> metric.kind() != th.ita.core.framework.MetricKind.GROUP)
                    .map(Metric::code).collect(Collectors.toSet());
            for (String metric : metricColumns()) {
                boolean filled = !Double.isNaN(dataset.value(row, metric));
                assertThat(filled).as("%s %d %s", row.code(), row.year(), metric).isEqualTo(codes.contains(metric));
            }
            assertThat(row.level()).isNotEmpty();
        }
    }

    private static java.util.Optional<Inconsistencies.Kind> inconsistency(DatasetFigures.Row row) {
        return Inconsistencies.kindOf(GenerateNationalDataset.SEED, row.code(), FRAMEWORKS.require(row.year()));
    }

    @Test
    void rollsIndicatorsUpIntoToolsTotalAndLevelAsTheFrameworkDoes() {
        int checked = 0;
        int inconsistent = 0;
        for (DatasetFigures.Row row : dataset.rows) {
            if (isPublished(row)) {
                continue;
            }
            if (inconsistency(row).isPresent()) {
                inconsistent++;
                continue;
            }
            Framework framework = FRAMEWORKS.require(row.year());
            double total = 0;
            Map<String, Double> tools = new LinkedHashMap<>();
            for (Tool tool : framework.tools()) {
                double sum = 0;
                for (Metric indicator : framework.childrenOf(framework.metric(tool.code()).orElseThrow())) {
                    sum += dataset.value(row, indicator.code());
                }
                double score = Scores.round(sum / tool.indicators().size());
                assertThat(dataset.value(row, tool.code())).as("%s %d %s", row.code(), row.year(), tool.code()).isEqualTo(score);
                tools.put(tool.code(), score);
                total += tool.weight() * score;
            }
            assertThat(dataset.value(row, "total")).as("%s %d total", row.code(), row.year()).isEqualTo(Scores.round(total));
            assertThat(row.level()).isEqualTo(framework.levelScheme().assess(Scores.round(total), tools).level().nameTh());
            checked++;
        }
        assertThat(checked).isEqualTo(dataset.rows.size() - 2 - inconsistent);
    }

    @Test
    void givesTheDocumentedInconsistenciesAtTheirRatesAndOfTheirKind() {
        Map<Inconsistencies.Kind, Integer> counts = new java.util.EnumMap<>(Inconsistencies.Kind.class);
        int rows2568 = 0;
        for (DatasetFigures.Row row : dataset.rows) {
            if (isPublished(row)) {
                continue;
            }
            rows2568 += row.year() == 2568 ? 1 : 0;
            java.util.Optional<Inconsistencies.Kind> kind = inconsistency(row);
            if (kind.isEmpty()) {
                continue;
            }
            Framework framework = FRAMEWORKS.require(row.year());
            double weighted = 0;
            Map<String, Double> tools = new LinkedHashMap<>();
            for (Tool tool : framework.tools()) {
                weighted += tool.weight() * dataset.value(row, tool.code());
                tools.put(tool.code(), dataset.value(row, tool.code()));
            }
            double total = dataset.value(row, "total");
            String rules = framework.levelScheme().assess(total, tools).level().nameTh();
            switch (kind.get()) {
                // The platform raises a finding on the total: it differs from its tools by a point or more.
                case TOTAL_STATED_ABOVE_ITS_TOOLS -> assertThat(Math.abs(total - Scores.round(weighted))).as(row.code() + " " + row.year()).isGreaterThanOrEqualTo(1);
                // The level is one step better than the rules give (or unchanged at the top).
                case LEVEL_ONE_STEP_BETTER -> assertThat(row.level()).as(row.code() + " " + row.year()).isIn(
                        framework.levelScheme().levels().stream().map(th.ita.core.framework.LevelRule::nameTh).toList());
                // ind10 is 6.25 below the mean of its items; the tools and total follow the reported ind10.
                case INDICATOR_FROM_A_MISADDED_GROUP -> {
                    double items = 0;
                    for (Metric item : framework.childrenOf(framework.metric("ind10").orElseThrow())) {
                        items += dataset.value(row, item.code());
                    }
                    assertThat(dataset.value(row, "ind10")).as(row.code()).isIn(Scores.round(items / 8 - 6.25), Scores.round(items / 8));
                    assertThat(total).isEqualTo(Scores.round(weighted));
                }
            }
            counts.merge(kind.get(), 1, Integer::sum);
        }
        int rows = dataset.rows.size() - 2;
        assertThat(counts.get(Inconsistencies.Kind.TOTAL_STATED_ABOVE_ITS_TOOLS)).isBetween((int) (rows * 0.003), (int) (rows * 0.005));
        assertThat(counts.get(Inconsistencies.Kind.LEVEL_ONE_STEP_BETTER)).isBetween((int) (rows * 0.002), (int) (rows * 0.004));
        assertThat(counts.get(Inconsistencies.Kind.INDICATOR_FROM_A_MISADDED_GROUP)).isBetween((int) (rows2568 * 0.004), (int) (rows2568 * 0.008));
    }

    @Test
    void derivesEvery2568IndicatorExactlyFromItsItemsWithOitItemsPublishedOrNot() {
        Framework framework = FRAMEWORKS.require(2568);
        List<Metric> indicators = framework.metrics().stream().filter(metric -> metric.kind() == MetricKind.INDICATOR).toList();
        for (DatasetFigures.Row row : dataset.rowsOf(2568)) {
            if (isPublished(row)) {
                continue;
            }
            boolean misadded = inconsistency(row).filter(kind -> kind == Inconsistencies.Kind.INDICATOR_FROM_A_MISADDED_GROUP).isPresent();
            for (Metric indicator : indicators) {
                if (misadded && indicator.code().equals("ind10")) {
                    continue;
                }
                List<Metric> items = framework.childrenOf(indicator);
                double sum = 0;
                for (Metric item : items) {
                    double value = dataset.value(row, item.code());
                    if (indicator.parentCode().equals("OIT")) {
                        assertThat(value).as("%s %s", row.code(), item.code()).isIn(0.0, 100.0);
                    }
                    sum += value;
                }
                assertThat(dataset.value(row, indicator.code())).as("%s %s", row.code(), indicator.code()).isEqualTo(Scores.round(sum / items.size()));
            }
        }
    }

    @Test
    void gradesOitIndicatorsInTheStepsOfEachYearsChecklist() {
        // 2562–2565 ran o1–o43 (ind9 33 items: steps of 100/33); 2566 changed the OIT item list (ind9 16 items).
        for (int year : List.of(2565, 2566)) {
            int size = FRAMEWORKS.require(year).checklistSize("ind9").orElseThrow();
            assertThat(dataset.rowsOf(year)).filteredOn(row -> !isPublished(row)).allSatisfy(row -> {
                double value = dataset.value(row, "ind9");
                long steps = Math.round(value * size / 100);
                assertThat(value).as("%s %d ind9", row.code(), year).isEqualTo(Scores.round(100.0 * steps / size));
            });
        }
        assertThat(FRAMEWORKS.require(2565).checklistSize("ind9")).isNotEqualTo(FRAMEWORKS.require(2566).checklistSize("ind9"));
        assertThat(FRAMEWORKS.require(2568).checklistSize("ind9")).hasValue(20);
    }

    @Test
    void calibratesChiangRaiSoThatSeed002sPublishedRankComesOut() {
        // Seed 002: "ลำดับที่ ๕๐ ของหน่วยงานประเภทองค์กรปกครองส่วนท้องถิ่นในจังหวัดเชียงราย", 95.41; the province has 143 LAOs.
        List<DatasetFigures.Row> chiangRai = dataset.rowsOf(2568).stream().filter(row -> row.code().startsWith("57")).toList();
        assertThat(chiangRai).hasSize(143);
        DatasetFigures.Row muangYai = chiangRai.stream().filter(row -> row.code().equals("5713001")).findFirst().orElseThrow();
        assertThat(dataset.value(muangYai, "total")).isEqualTo(95.41);
        long better = chiangRai.stream().filter(row -> dataset.value(row, "total") > 95.41).count();
        assertThat(better + 1).isEqualTo(50);
    }

    @Test
    void tracksTheNationalMeanOfEveryYearWithinOneAndAHalfPoints() {
        Map<Integer, Double> targets = Map.of(2561, 72.0, 2562, 76.0, 2563, 79.0, 2564, 81.25, 2565, 87.57, 2566, 90.19, 2567, 92.0, 2568, 93.82);
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            assertThat(dataset.figures(year).meanTotal()).as("mean of %d", year).isCloseTo(targets.get(year), within(1.5));
        }
    }

    @Test
    void bringsAbout94PercentOfOrganizationsTo85In2568() {
        assertThat(dataset.figures(2568).shareAtLeast85()).isBetween(0.90, 0.97);
    }

    @Test
    void leavesSomeOrganizationsBelow55InEveryYear() {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            assertThat(dataset.figures(year).below55()).as("below 55 in %d", year).isPositive();
        }
        assertThat(dataset.rowsOf(2568).stream().map(DatasetFigures.Row::level)).contains("ต้องปรับปรุงโดยด่วน");
        assertThat(dataset.rowsOf(2561).stream().map(DatasetFigures.Row::level)).contains("E", "F");
    }

    @Test
    void spreadsOitMoreThanIitInEveryYear() {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            DatasetFigures.YearFigures figures = dataset.figures(year);
            assertThat(figures.sdOit()).as("OIT sd vs IIT sd in %d", year).isGreaterThan(figures.sdIit());
        }
    }

    @Test
    void keepsGoodOrganizationsGoodFromOneYearToTheNext() {
        for (int year = FIRST_YEAR + 1; year <= LAST_YEAR; year++) {
            assertThat(dataset.lagOneCorrelation(year)).as("correlation of %d with %d", year, year - 1).isGreaterThan(0.4);
        }
    }

    @Test
    void carriesThePublished2568FiguresOfMuangYaiAsPublished() throws IOException {
        List<DatasetFigures.Row> muangYai = organization("ม่วงยาย", "เชียงราย");
        DatasetFigures.Row row = muangYai.stream().filter(r -> r.year() == 2568).findFirst().orElseThrow();
        Map<String, Double> published = publishedFigures("demo/seed-002-long.csv");

        assertThat(muangYai).hasSize(8).allMatch(r -> r.code().equals("5713001") && r.type().equals("ทต.") && r.district().equals("เวียงแก่น"));
        assertThat(published).hasSize(70);
        published.forEach((metric, value) -> assertThat(dataset.value(row, metric)).as(metric).isEqualTo(value));
        assertThat(dataset.value(row, "total")).isEqualTo(95.41);
        assertThat(List.of(dataset.value(row, "IIT"), dataset.value(row, "EIT"), dataset.value(row, "OIT"))).containsExactly(98.29, 93.07, 95.00);
        assertThat(row.level()).isEqualTo("ผ่านดี");
        // The published inconsistency the platform must flag: ind10 is 90.00, its items average 93.75.
        assertThat(dataset.value(row, "ind10")).isEqualTo(90.00);
        // Seed 002 publishes its OIT groups as well: การส่งเสริมคุณธรรมและความโปร่งใส at 80.00 (its items average 87.50).
        assertThat(dataset.value(row, "ind10.2")).isEqualTo(80.00);
        assertThat(IntStream.rangeClosed(21, 28).mapToDouble(i -> dataset.value(row, "o" + i)).average().orElseThrow()).isEqualTo(93.75);
    }

    @Test
    void carriesThePublished2564FiguresOfNongSametAndNothingElseForThatYear() {
        List<DatasetFigures.Row> nongSamet = organization("หนองเสม็ด", "ตราด");
        DatasetFigures.Row row = nongSamet.stream().filter(r -> r.year() == 2564).findFirst().orElseThrow();
        Map<String, Double> expected = Map.of("total", 50.02, "ind4", 67.16, "ind7", 62.56, "ind10", 11.17);

        assertThat(nongSamet).hasSize(8).allMatch(r -> r.type().equals("ทต.") && r.district().equals("เมืองตราด"));
        for (String metric : metricColumns()) {
            if (expected.containsKey(metric)) {
                assertThat(dataset.value(row, metric)).as(metric).isEqualTo(expected.get(metric));
            } else {
                assertThat(dataset.value(row, metric)).as(metric).isNaN();
            }
        }
        assertThat(row.level()).isEqualTo("E");
    }

    @Test
    void formatsScoresExactlyAsStringFormatDoes() {
        for (int hundredths = 0; hundredths <= 10_000; hundredths++) {
            double value = Scores.round(hundredths / 100.0);
            assertThat(GenerateNationalDataset.formatScore(value)).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        }
    }

    @Test
    void refusesYearsInTheWrongOrderOrWithoutAFramework() {
        assertThatThrownBy(() -> generator().writeWideCsv(new StringWriter(), 2568, 2561))
                .isInstanceOfSatisfying(ItaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> generator().writeWideCsv(new StringWriter(), 2560, 2561))
                .isInstanceOfSatisfying(ItaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void writesOnlyTheColumnsOfTheRequestedYears() throws IOException {
        StringWriter out = new StringWriter();
        GenerateNationalDataset.Summary oneYear = generator().writeWideCsv(out, 2564, 2564);

        assertThat(out.toString().substring(0, out.toString().indexOf('\n')))
                .isEqualTo("organization_code,organization_name,organization_type,province,district,year,total,IIT,EIT,OIT,"
                        + "ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,level");
        assertThat(oneYear.rows()).isEqualTo(oneYear.organizations()).isEqualTo(summary.organizations());
    }

    private static GenerateNationalDataset generator() {
        return new GenerateNationalDataset(Geography.bundled(), FRAMEWORKS);
    }

    private static List<String> metricColumns() {
        return dataset.header.subList(GenerateNationalDataset.ORGANIZATION_COLUMNS.size(), dataset.header.size() - 1);
    }

    private static List<DatasetFigures.Row> organization(String name, String province) {
        return dataset.rows.stream().filter(row -> row.name().equals(name) && row.province().equals(province)).toList();
    }

    /** The two seed rows, which carry published figures as published and so are not held to the framework's arithmetic. */
    private static boolean isPublished(DatasetFigures.Row row) {
        return row.name().equals("ม่วงยาย") && row.province().equals("เชียงราย") && row.year() == 2568
                || row.name().equals("หนองเสม็ด") && row.province().equals("ตราด") && row.year() == 2564;
    }

    private static Map<String, Double> publishedFigures(String resource) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        try (InputStream in = GenerateNationalDatasetTest.class.getClassLoader().getResourceAsStream(resource)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                values.put(th.ita.core.framework.Frameworks.bundled().require(2568).resolve(record.get("metric")).orElseThrow().code(), Double.parseDouble(record.get("value")));
            }
        }
        return values;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
