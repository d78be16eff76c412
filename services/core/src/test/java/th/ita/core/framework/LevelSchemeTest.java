package th.ita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LevelSchemeTest {
    private final Frameworks frameworks = Frameworks.bundled();

    private static Map<String, Double> tools(double iit, double eit, double oit) {
        Map<String, Double> tools = new LinkedHashMap<>();
        tools.put("IIT", iit);
        tools.put("EIT", eit);
        tools.put("OIT", oit);
        return tools;
    }

    @ParameterizedTest(name = "{0} in 2566 → {1}")
    @CsvSource({
            "100, AA", "95, AA", "94.99, A", "89.20, A", "85, A", "84.99, B", "75, B", "74.99, C", "65, C",
            "64.99, D", "55, D", "54.99, E", "50.02, E", "50, E", "49.99, F", "0, F"})
    void gradesEveryBoundaryOfTheLetterScheme(double total, String grade) {
        LevelAssessment level = frameworks.require(2566).levelScheme().assess(total, tools(50, 50, 50));
        assertThat(level.level().code()).isEqualTo(grade);
        assertThat(level.downgraded()).isFalse();
    }

    @Test
    void usesLetterGradesFrom2561To2566AndPassLevelsFrom2567() {
        assertThat(frameworks.require(2561).levelScheme().name()).isEqualTo("letter-grades-2561");
        assertThat(frameworks.require(2566).levelScheme().name()).isEqualTo("letter-grades-2561");
        assertThat(frameworks.require(2567).levelScheme().name()).isEqualTo("pass-levels-2567");
        assertThat(frameworks.require(2568).levelScheme().name()).isEqualTo("pass-levels-2567");
    }

    @ParameterizedTest(name = "total {0}, tools {1}/{2}/{3} → {4}")
    @CsvSource({
            "95, 95, 95, 95, EXCELLENT",
            "100, 100, 100, 100, EXCELLENT",
            "95.41, 98.29, 93.07, 95.00, GOOD",
            "94.99, 99, 99, 99, GOOD",
            "85, 85, 85, 85, GOOD",
            "94.64, 99, 84.99, 99, PASS",
            "85, 84.99, 90, 90, PASS",
            "84.99, 90, 90, 90, IMPROVE",
            "70, 70, 70, 70, IMPROVE",
            "69.99, 90, 90, 90, URGENT",
            "0, 0, 0, 0, URGENT"})
    void appliesEveryBoundaryOfThePassLevels(double total, double iit, double eit, double oit, String level) {
        assertThat(frameworks.require(2568).levelScheme().assess(total, tools(iit, eit, oit)).level().code()).isEqualTo(level);
    }

    @Test
    void explainsADowngradeByATool() {
        LevelAssessment level = frameworks.require(2568).levelScheme().assess(94.64, tools(99.10, 83.20, 99.00));

        assertThat(level.level().nameTh()).isEqualTo("ผ่าน");
        assertThat(level.missedLevel()).map(LevelRule::nameTh).contains("ผ่านดี");
        assertThat(level.reasonTh()).isEqualTo("ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 83.20 < 85");
        assertThat(level.reasonEn()).isEqualTo("Pass, not Good pass: EIT 83.20 < 85");
    }

    @Test
    void namesTheNearestMissedLevelWhenAnExcellentTotalHasAWeakTool() {
        LevelAssessment level = frameworks.require(2568).levelScheme().assess(95.41, tools(98.29, 93.07, 95.00));

        assertThat(level.level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(level.reasonTh()).isEqualTo("ผ่านดี ไม่ใช่ ผ่านดีเยี่ยม เพราะ EIT 93.07 < 95");
    }

    @Test
    void namesTheLevelJustAboveAndTheConditionThatReallyBlocksIt() {
        // An excellent total with EIT below 85: it misses ผ่านดีเยี่ยม and ผ่านดี; what keeps it from ผ่านดี is EIT < 85.
        LevelAssessment level = frameworks.require(2568).levelScheme().assess(95.11, tools(97.00, 84.30, 99.00));

        assertThat(level.level().nameTh()).isEqualTo("ผ่าน");
        assertThat(level.missedLevel()).map(LevelRule::nameTh).contains("ผ่านดี");
        assertThat(level.reasonTh()).isEqualTo("ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 84.30 < 85");
        assertThat(level.reasonEn()).isEqualTo("Pass, not Good pass: EIT 84.30 < 85");
    }

    @Test
    void treatsAMissingToolScoreAsNotMeetingAToolCondition() {
        Map<String, Double> tools = tools(99, 99, 99);
        tools.put("OIT", null);

        LevelAssessment level = frameworks.require(2568).levelScheme().assess(96, tools);

        assertThat(level.level().code()).isEqualTo("PASS");
        assertThat(level.reasonEn()).contains("OIT has no score");
    }

    @Test
    void comparesThresholdsAtTwoDecimals() {
        assertThat(frameworks.require(2566).levelScheme().assess(84.995, tools(1, 1, 1)).level().code()).isEqualTo("A");
        assertThat(frameworks.require(2566).levelScheme().assess(84.994, tools(1, 1, 1)).level().code()).isEqualTo("B");
    }

    @Test
    void statesTheConditionWhenNotDowngraded() {
        LevelAssessment level = frameworks.require(2566).levelScheme().assess(89.20, tools(1, 1, 1));
        assertThat(level.reasonEn()).isEqualTo("A: total 89.20 ≥ 85");
    }
}
