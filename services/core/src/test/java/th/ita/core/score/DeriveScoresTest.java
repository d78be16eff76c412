package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;

/** Figures from seed 002 (เทศบาลตำบลม่วงยาย, เชียงราย, 2568), checked by hand. */
class DeriveScoresTest {
    private final Framework framework2568 = Frameworks.bundled().require(2568);

    private static final Map<String, Double> SEED_002_INDICATORS = Map.of(
            "ind1", 98.67, "ind2", 99.24, "ind3", 100.00, "ind4", 95.62, "ind5", 97.90,
            "ind6", 93.94, "ind7", 93.14, "ind8", 92.14, "ind9", 100.00, "ind10", 90.00);

    private double[] values(Framework framework, Map<String, Double> reported) {
        double[] values = new double[framework.metrics().size()];
        Arrays.fill(values, Double.NaN);
        reported.forEach((code, value) -> values[framework.metric(code).orElseThrow().slot()] = value);
        return values;
    }

    private double value(double[] values, String code) {
        return values[framework2568.metric(code).orElseThrow().slot()];
    }

    @Test
    void derivesSeed002ToolsTotalAndLevelFromItsIndicators() {
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568, SEED_002_INDICATORS));

        assertThat(value(derivation.derived(), "IIT")).isEqualTo(98.29);
        assertThat(value(derivation.derived(), "EIT")).isEqualTo(93.07);
        assertThat(value(derivation.derived(), "OIT")).isEqualTo(95.00);
        assertThat(value(derivation.derived(), "total")).isEqualTo(95.41);
        assertThat(derivation.level().orElseThrow().level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(derivation.findings()).isEmpty();
    }

    @Test
    void keepsAReportedTotalThatAgreesAndDerivesNothingForIt() {
        java.util.Map<String, Double> reported = new java.util.HashMap<>(SEED_002_INDICATORS);
        reported.put("total", 95.41);

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568, reported));

        assertThat(value(derivation.derived(), "total")).isNaN();
        assertThat(value(derivation.effective(), "total")).isEqualTo(95.41);
        assertThat(derivation.findings()).isEmpty();
    }

    @Test
    void toleratesAOneHundredthOfRounding() {
        java.util.Map<String, Double> reported = new java.util.HashMap<>(SEED_002_INDICATORS);
        reported.put("total", 95.40);

        assertThat(DeriveScores.derive(framework2568, 1, 2568, values(framework2568, reported)).findings()).isEmpty();
    }

    @Test
    void flagsSeed002sOitGroupWhoseItemsDoNotAverageToTheReportedIndicator() {
        java.util.Map<String, Double> reported = new java.util.HashMap<>(SEED_002_INDICATORS);
        for (int i = 21; i <= 28; i++) {
            reported.put("o" + i, 100.0);
        }
        reported.put("o27", 50.0);

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 7, 2568, values(framework2568, reported));

        assertThat(derivation.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.metric()).isEqualTo("ind10");
            assertThat(finding.reported()).isEqualTo("90.00");
            assertThat(finding.derived()).isEqualTo("93.75");
            assertThat(finding.organizationId()).isEqualTo(7);
            assertThat(finding.kind()).isEqualTo(DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED);
        });
        assertThat(value(derivation.derived(), "ind10")).isEqualTo(93.75);
        // The reported figure is what the tools and total are built on, as published.
        assertThat(value(derivation.derived(), "total")).isEqualTo(95.41);
    }

    @Test
    void flagsSeed002sPublishedOitGroupOfEightyAgainstItsItemsAverageOfEightySevenFifty() {
        java.util.Map<String, Double> reported = new java.util.HashMap<>(SEED_002_INDICATORS);
        for (int i = 21; i <= 28; i++) {
            reported.put("o" + i, 100.0);
        }
        reported.put("o27", 50.0);
        reported.put("ind10.1", 100.0);
        reported.put("ind10.2", 80.0);

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 7, 2568, values(framework2568, reported));

        assertThat(derivation.findings()).extracting(DataQualityFinding::metric, DataQualityFinding::reported, DataQualityFinding::derived)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ind10.2", "80.00", "87.50"),
                        org.assertj.core.groups.Tuple.tuple("ind10", "90.00", "93.75"));
        assertThat(value(derivation.effective(), "ind10.2")).isEqualTo(80.0);
        assertThat(value(derivation.derived(), "ind10.1")).isNaN();
    }

    @Test
    void derivesAnOitGroupFromItsItemsWhenNotPublished() {
        java.util.Map<String, Double> reported = new java.util.HashMap<>();
        for (int i = 1; i <= 4; i++) {
            reported.put("o" + i, 100.0);
        }
        reported.put("o3", 0.0);

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568, reported));

        assertThat(value(derivation.derived(), "ind9.1")).isEqualTo(75.0);
        assertThat(value(derivation.derived(), "ind9.2")).isNaN();
        assertThat(value(derivation.derived(), "ind9")).isNaN();
        assertThat(derivation.findings()).isEmpty();
    }

    @Test
    void derivesAnIndicatorFromItsItemsWhenNotReported() {
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568,
                values(framework2568, Map.of("i1", 97.0, "i2", 99.0, "i3", 100.0)));

        assertThat(value(derivation.derived(), "ind1")).isEqualTo(98.67);
        assertThat(value(derivation.derived(), "IIT")).isNaN();
        assertThat(derivation.level()).isEmpty();
    }

    @Test
    void derivesNothingFromAnIncompleteSetOfIndicators() {
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568,
                values(framework2568, Map.of("ind1", 90.0, "ind2", 90.0)));

        assertThat(derivation.derived()).containsOnly(Double.NaN);
    }

    @Test
    void gradesAReportedTotalWithoutToolsOnTheLetterScheme() {
        Framework framework2564 = Frameworks.bundled().require(2564);
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2564, 1, 2564, values(framework2564, Map.of("total", 50.02)));

        assertThat(derivation.level().orElseThrow().level().code()).isEqualTo("E");
    }

    @Test
    void raisesAFindingForTheTotalAndOneForTheLevelWhenBothContradictTheFigures() {
        // ทต.กระสัง's own report (2564): total 95, level AA; its tools give 0.3·90 + 0.3·88.90 + 0.4·88 = 88.87, level A.
        Framework framework2564 = Frameworks.bundled().require(2564);
        th.ita.core.framework.LevelRule aa = framework2564.levelScheme().level("AA").orElseThrow();

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2564, 3, 2564,
                values(framework2564, Map.of("total", 95.0, "IIT", 90.0, "EIT", 88.90, "OIT", 88.0)), aa);

        assertThat(derivation.findings()).extracting(DataQualityFinding::metric, DataQualityFinding::kind, DataQualityFinding::reported, DataQualityFinding::derived)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("total", DataQualityFinding.Kind.REPORTED_DIFFERS_FROM_DERIVED, "95.00", "88.87"),
                        org.assertj.core.groups.Tuple.tuple("level", DataQualityFinding.Kind.LEVEL_DIFFERS, "AA", "A"));
        assertThat(derivation.level().orElseThrow().level().code()).isEqualTo("AA");
        assertThat(derivation.derivedLevel().orElseThrow().level().code()).isEqualTo("A");
    }

    @Test
    void neverContradictsAPublishedLevelWithMissingTools() {
        // What NACC publishes for everyone: total and level only. The rules cannot judge ผ่านดี without the tools.
        th.ita.core.framework.LevelRule good = framework2568.levelScheme().level("GOOD").orElseThrow();

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568, Map.of("total", 95.41)), good);

        assertThat(derivation.findings()).isEmpty();
    }

    @Test
    void flagsAPublishedLevelTheRulesOnThePublishedFiguresDoNotGive() {
        th.ita.core.framework.LevelRule excellent = framework2568.levelScheme().level("EXCELLENT").orElseThrow();
        java.util.Map<String, Double> reported = new java.util.HashMap<>(SEED_002_INDICATORS);
        reported.put("total", 95.41);

        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568, reported), excellent);

        assertThat(derivation.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(DataQualityFinding.Kind.LEVEL_DIFFERS);
            assertThat(finding.reported()).isEqualTo("ผ่านดีเยี่ยม");
            assertThat(finding.derived()).isEqualTo("ผ่านดี");
        });
    }

    @Test
    void derivesAnEitIndicatorAsTheMeanOfItsTwoChannelMeans() {
        // Seed 002 ind6: Public e1–e3 97.70, 97.93, 100; Survey es1–es3 82, 86, 100 → (98.543… + 89.333…) / 2 = 93.938… → 93.94.
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568,
                Map.of("e1", 97.70, "e2", 97.93, "e3", 100.0, "es1", 82.0, "es2", 86.0, "es3", 100.0)));

        assertThat(value(derivation.derived(), "ind6")).isEqualTo(93.94);
    }

    @Test
    void derivesNoEitIndicatorFromOneChannelAlone() {
        DeriveScores.Derivation derivation = DeriveScores.derive(framework2568, 1, 2568, values(framework2568,
                Map.of("ind6", 93.94, "e1", 97.70, "e2", 97.93, "e3", 100.0)));

        assertThat(value(derivation.derived(), "ind6")).isNaN();
        assertThat(derivation.findings()).isEmpty();
    }

    @Test
    void readsEveryWholeHundredthUpToTenThousandAsTheDecimalItWasWrittenAs() {
        for (long hundredths = 0; hundredths <= 1_000_000; hundredths++) {
            double value = hundredths / 100.0;
            if (Scores.wholeHundredths(value) != hundredths || Scores.exact(value).compareTo(java.math.BigDecimal.valueOf(hundredths, 2)) != 0) {
                throw new AssertionError(value + " is not read as " + hundredths + " hundredths");
            }
        }
        assertThat(Scores.wholeHundredths(92.045)).isEqualTo(-1);
        assertThat(Scores.wholeHundredths(Double.NaN)).isEqualTo(-1);
        assertThat(Scores.wholeHundredths(-0.01)).isEqualTo(-1);
    }

    @Test
    void meansInWholeHundredthsAsTheDecimalArithmeticDoes() {
        java.util.Random random = new java.util.Random(14);
        for (int year : Frameworks.bundled().years()) {
            Framework framework = Frameworks.bundled().require(year);
            for (int round = 0; round < 2_000; round++) {
                double[] values = new double[framework.metrics().size()];
                for (int slot = 0; slot < values.length; slot++) {
                    // Mostly scores as published; now and then one with three decimals, which takes the decimal path.
                    values[slot] = random.nextInt(50) == 0 ? random.nextInt(100_001) / 1000.0 : random.nextInt(10_001) / 100.0;
                }
                for (th.ita.core.framework.Metric metric : framework.metrics()) {
                    double shortcut = DeriveScores.meanOfChildren(framework, metric, values, true);
                    double decimals = DeriveScores.meanOfChildren(framework, metric, values, false);
                    if (Double.compare(shortcut, decimals) != 0) {
                        throw new AssertionError(year + " " + metric.code() + ": " + shortcut + " in hundredths, " + decimals + " in decimals");
                    }
                }
            }
        }
    }

    @Test
    void findsTheSameWhenDerivingForStorageWithoutTheLevelsReasons() {
        java.util.Random random = new java.util.Random(2568);
        for (int year : Frameworks.bundled().years()) {
            Framework framework = Frameworks.bundled().require(year);
            for (int round = 0; round < 500; round++) {
                double[] values = new double[framework.metrics().size()];
                Arrays.fill(values, Double.NaN);
                for (int slot = 0; slot < values.length; slot++) {
                    if (random.nextInt(3) > 0) {
                        values[slot] = (7_000 + random.nextInt(3_001)) / 100.0;
                    }
                }
                var levels = framework.levelScheme().levels();
                var reportedLevel = random.nextInt(4) == 0 ? null : levels.get(random.nextInt(levels.size()));
                DeriveScores.Derivation full = DeriveScores.derive(framework, 7, year, values, reportedLevel);
                DeriveScores.Derivation forStorage = DeriveScores.deriveForStorage(framework, 7, year, values, reportedLevel);

                assertThat(forStorage.findings()).isEqualTo(full.findings());
                assertThat(forStorage.derived()).isEqualTo(full.derived());
                assertThat(forStorage.level()).isEmpty();
            }
        }
    }
}
