package th.ita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.error.ItaException;

class FrameworksTest {
    private final Frameworks frameworks = Frameworks.bundled();

    @Test
    void bundlesEveryYearFrom2561To2568() {
        assertThat(frameworks.years()).containsExactly(2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568);
    }

    @Test
    void weighsTheToolsThirtyThirtyForty() {
        assertThat(frameworks.require(2568).weights()).containsExactly(
                org.assertj.core.api.Assertions.entry("IIT", 0.30), org.assertj.core.api.Assertions.entry("EIT", 0.30),
                org.assertj.core.api.Assertions.entry("OIT", 0.40));
    }

    @Test
    void lists61ItemsIn2568WithTheirIndicatorsAndTheEitChannels() {
        Framework framework = frameworks.require(2568);
        // i1–i15, e1–e9 (Public), es1–es9 (Survey), o1–o28.
        assertThat(framework.items()).hasSize(61);
        assertThat(framework.childrenOf(framework.metric("ind6").orElseThrow())).extracting(Metric::code).containsExactly("e1", "e2", "e3", "es1", "es2", "es3");
        assertThat(framework.item("e1").orElseThrow().channel()).isEqualTo("public");
        assertThat(framework.item("es1").orElseThrow().channel()).isEqualTo("survey");
        assertThat(framework.childrenOf(framework.metric("ind1").orElseThrow())).extracting(Metric::code).containsExactly("i1", "i2", "i3");
        assertThat(framework.childrenOf(framework.metric("ind9").orElseThrow())).hasSize(20);
        assertThat(framework.childrenOf(framework.metric("ind10").orElseThrow())).hasSize(8);
        assertThat(framework.metric("o21").orElseThrow().groupTh()).isEqualTo("การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน");
    }

    @Test
    void givesEveryIndicatorTheAnalysisReportsTextsInEveryYear() {
        for (int year : frameworks.years()) {
            assertThat(frameworks.require(year).indicators()).as("%d", year).allSatisfy(indicator -> {
                assertThat(indicator.defectTh()).isNotBlank();
                assertThat(indicator.keepLevelTh()).isNotBlank();
                assertThat(indicator.measureTh()).isNotBlank();
                assertThat(indicator.stepsTh()).isNotBlank().doesNotContainPattern("[๐-๙]");
            });
        }
        assertThat(frameworks.require(2568).indicators().get(3).keepLevelTh()).contains("ไม่เคยนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัว");
    }

    @Test
    void knowsNoItemsForYearsWhoseItemListIsNotBundled() {
        assertThat(frameworks.require(2564).items()).isEmpty();
        assertThat(frameworks.require(2564).metric("i1")).isEmpty();
    }

    @Test
    void resolvesMetricsByCodeThaiNameEnglishNameAndNumber() {
        Framework framework = frameworks.require(2568);
        assertThat(framework.resolve("IIT")).map(Metric::code).contains("IIT");
        assertThat(framework.resolve("iit")).map(Metric::code).contains("IIT");
        assertThat(framework.resolve("การใช้อำนาจ")).map(Metric::code).contains("ind3");
        assertThat(framework.resolve("ตัวชี้วัดที่ ๑๐")).map(Metric::code).contains("ind10");
        assertThat(framework.resolve("Indicator 7")).map(Metric::code).contains("ind7");
        assertThat(framework.resolve("Communication efficiency")).map(Metric::code).contains("ind7");
        assertThat(framework.resolve("การปรับปรุงระบบการทำงาน")).map(Metric::code).contains("ind8");
        assertThat(framework.resolve("คะแนนรวม")).map(Metric::code).contains("total");
        assertThat(framework.resolve("O12")).map(Metric::code).contains("o12");
        assertThat(framework.resolve("o29")).isEmpty();
        assertThat(framework.resolve("")).isEmpty();
    }

    @Test
    void marksTheMethodologyBreakOf2567() {
        assertThat(frameworks.require(2567).methodologyChanges()).isNotEmpty();
        assertThat(frameworks.require(2565).methodologyChanges()).isEmpty();
    }

    @Test
    void answersNotFoundForAYearWithoutFramework() {
        assertThatThrownBy(() -> frameworks.require(2570)).isInstanceOf(ItaException.class).hasMessageContaining("2570");
    }

    @Test
    void addsAYearFromADirectoryWithoutRebuilding(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ita-2569.yaml"), """
                year: 2569
                tool_set: ita-2561
                level_scheme: pass-levels-2567
                items:
                  - {code: o1, indicator: ind9, text_th: โครงสร้าง}
                """);

        Frameworks extended = FrameworkFiles.withDirectory(directory);

        assertThat(extended.years()).endsWith(2568, 2569);
        assertThat(extended.require(2569).metric("o1")).isPresent();
    }

    @Test
    void rejectsAFrameworkFileThatNamesAnUnknownLevelScheme(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ita-2569.yaml"), "year: 2569\ntool_set: ita-2561\nlevel_scheme: nonsense\n");

        assertThatThrownBy(() -> FrameworkFiles.withDirectory(directory)).hasMessageContaining("unknown level_scheme nonsense");
    }

    @Test
    void makesTheOitItemGroupsOf2568MetricsOfTheirOwnBesideTheRollUp() {
        Framework framework = frameworks.require(2568);
        Metric ind9 = framework.metric("ind9").orElseThrow();

        assertThat(framework.groupsOf(ind9)).extracting(Metric::code).containsExactly("ind9.1", "ind9.2", "ind9.3", "ind9.4", "ind9.5");
        assertThat(framework.groupsOf(ind9)).extracting(group -> framework.childrenOf(group).size()).containsExactly(4, 7, 2, 3, 4);
        Metric integrity = framework.metric("ind10.2").orElseThrow();
        assertThat(integrity.kind()).isEqualTo(MetricKind.GROUP);
        assertThat(integrity.parentCode()).isEqualTo("ind10");
        assertThat(framework.childrenOf(integrity)).extracting(Metric::code).containsExactly("o25", "o26", "o27", "o28");
        // Files name a group as the reports print it.
        assertThat(framework.resolve("การส่งเสริมคุณธรรมและความโปร่งใส")).contains(integrity);
        // Groups come after every other metric, so the slots of the rest stay where they were.
        assertThat(framework.metrics().subList(framework.metrics().size() - 7, framework.metrics().size()))
                .allMatch(metric -> metric.kind() == MetricKind.GROUP);
        assertThat(frameworks.require(2567).groups()).isEmpty();
    }

    @Test
    void rejectsAnItemThatNamesAGroupTheYearDoesNotList(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("ita-2569.yaml"), """
                year: 2569
                tool_set: ita-2561
                level_scheme: pass-levels-2567
                groups:
                  - {code: ind9.1, indicator: ind9, name_th: ข้อมูลพื้นฐาน, name_en: Basic information}
                items:
                  - {code: o1, indicator: ind9, group_th: ข้อมูลพื้นฐาน}
                  - {code: o2, indicator: ind9, group_th: การจัดซื้อจัดจ้าง}
                """);

        assertThatThrownBy(() -> FrameworkFiles.withDirectory(directory)).hasMessageContaining("item o2 names group การจัดซื้อจัดจ้าง");
    }
}
