package th.ita.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.Metric;

/** Published and derived side by side, as one org-year's facts give them. */
class OrgYearResultTest {
    private final Framework framework2568 = Frameworks.bundled().require(2568);

    private static ScoreFact reported(String metric, double value) {
        return new ScoreFact(1, 2568, metric, value, Provenance.REPORTED);
    }

    @Test
    void keepsAPublishedLevelThatATotalWithoutToolsCannotJudge() {
        // Seed 002 as NACC publishes it: 95.41, ผ่านดี, ลำดับที่ 50. Without tools the rules alone would say ผ่าน.
        int good = framework2568.levelScheme().position(framework2568.levelScheme().level("GOOD").orElseThrow());

        OrgYearResult result = OrgYearResult.of(framework2568, List.of(reported("total", 95.41),
                reported(Metric.REPORTED_LEVEL, good), reported(Metric.REPORTED_RANK, 50)));

        assertThat(result.level().orElseThrow().level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(result.reportedLevel().orElseThrow().nameTh()).isEqualTo("ผ่านดี");
        assertThat(result.reportedRank()).contains(50);
        assertThat(result.derivedLevel()).isEmpty();
        assertThat(result.values()).extracting(v -> v.metric().code()).containsExactly("total");
    }

    @Test
    void showsTheLevelTheFiguresGiveBesideThePublishedOne() {
        Framework framework2564 = Frameworks.bundled().require(2564);
        int aa = framework2564.levelScheme().position(framework2564.levelScheme().level("AA").orElseThrow());
        List<ScoreFact> facts = List.of(new ScoreFact(3, 2564, "total", 95, Provenance.REPORTED),
                new ScoreFact(3, 2564, "total", 88.87, Provenance.DERIVED), new ScoreFact(3, 2564, Metric.REPORTED_LEVEL, aa, Provenance.REPORTED),
                new ScoreFact(3, 2564, "IIT", 90, Provenance.REPORTED), new ScoreFact(3, 2564, "EIT", 88.90, Provenance.REPORTED),
                new ScoreFact(3, 2564, "OIT", 88, Provenance.REPORTED));

        OrgYearResult result = OrgYearResult.of(framework2564, facts);

        assertThat(result.level().orElseThrow().level().code()).isEqualTo("AA");
        assertThat(result.derivedLevel().orElseThrow().level().code()).isEqualTo("A");
        assertThat(result.value("total").orElseThrow()).satisfies(total -> {
            assertThat(total.reported()).isEqualTo(95.0);
            assertThat(total.derived()).isEqualTo(88.87);
        });
    }
}
