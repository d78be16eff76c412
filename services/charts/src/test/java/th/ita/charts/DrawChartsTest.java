package th.ita.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import th.ita.core.error.ItaException;

class DrawChartsTest {
    static final DrawCharts DRAW = new DrawCharts(LocalDate.of(2026, 11, 22));

    static ChartOptions options(ChartData data, ChartOptions.Format format, ChartOptions.Language language) {
        return new ChartOptions(1200, DrawCharts.preferredHeight(data, 1200), format, language,
                language == ChartOptions.Language.TH ? ChartOptions.Digits.THAI : ChartOptions.Digits.ARABIC);
    }

    static List<String> kinds() {
        return List.copyOf(Fixtures.everyKind().keySet());
    }

    private static Svg svg(ChartData data, ChartOptions.Language language) {
        return Svg.parse(DRAW.draw(data, options(data, ChartOptions.Format.SVG, language)).bytes());
    }

    @Test
    void drawsEveryKindInThaiAndEnglishForSomeoneToLookAt() throws IOException {
        Path out = Path.of("target", "chart-examples");
        Files.createDirectories(out);
        for (Map.Entry<String, ChartData> kind : Fixtures.everyKind().entrySet()) {
            for (ChartOptions.Language language : ChartOptions.Language.values()) {
                String name = kind.getKey() + "-" + language.name().toLowerCase();
                RenderedChart png = DRAW.draw(kind.getValue(), options(kind.getValue(), ChartOptions.Format.PNG, language));
                Files.write(out.resolve(name + ".png"), png.bytes());
                Files.write(out.resolve(name + ".svg"), DRAW.draw(kind.getValue(), options(kind.getValue(), ChartOptions.Format.SVG, language)).bytes());
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
                assertThat(image.getWidth()).isEqualTo(1200);
                assertThat(image.getHeight()).isEqualTo(DrawCharts.preferredHeight(kind.getValue(), 1200));
                assertThat(png.contentType()).isEqualTo("image/png");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void drawsEverySvgAsWellFormedXmlWithEveryTextInTheBundledThaiFont(String kind) {
        for (ChartOptions.Language language : ChartOptions.Language.values()) {
            Svg svg = svg(Fixtures.everyKind().get(kind), language);

            assertThat(svg.texts()).isNotEmpty().allSatisfy(text -> assertThat(text.fontFamily()).as(text.content()).startsWith("Loma,"));
            assertThat(svg.document.getDocumentElement().getAttribute("width")).isEqualTo("1200.0");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void writesEnglishChartsInEnglishSaveTheNamesOfOrganizations(String kind) {
        Svg svg = svg(Fixtures.everyKind().get(kind), ChartOptions.Language.EN);

        assertThat(svg.texts()).allSatisfy(text -> {
            if (text.content().codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI)) {
                assertThat(text.content()).as("Thai text in an English chart").containsAnyOf(Fixtures.MUANG_YAI, "อบต.ตำบลที่");
            }
        });
    }

    /** The bars of a ranking, top to bottom, with whether each is the highlighted one. */
    private record DrawnBar(double y, double length, boolean highlighted) {
    }

    private static List<DrawnBar> bars(Svg svg) {
        List<DrawnBar> bars = new ArrayList<>();
        svg.rectanglesFilled(Palette.OTHERS).forEach(r -> bars.add(new DrawnBar(r[1], r[2], false)));
        svg.rectanglesFilled(Palette.HIGHLIGHT).forEach(r -> bars.add(new DrawnBar(r[1], r[2], true)));
        bars.sort(Comparator.comparingDouble(DrawnBar::y));
        return bars;
    }

    @Test
    void drawsTheRankingBestAtTheTopWithLongerBarsForHigherScoresAndOnlyTheHighlightedOneInBlue() {
        ChartData.Ranking ranking = Fixtures.ranking(136, 0);
        List<ChartData.Ranking.Bar> shown = ranking.shown((800 - RankingChart.FRAME) / RankingChart.ROW).stream().filter(Objects::nonNull).toList();

        List<DrawnBar> drawn = bars(svg(ranking, ChartOptions.Language.EN));

        assertThat(drawn).hasSize(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            assertThat(drawn.get(i).highlighted()).as("bar " + i).isEqualTo(shown.get(i).highlighted());
            if (i > 0) {
                assertThat(drawn.get(i).length()).as("bar " + i + " is not longer than the one above").isLessThanOrEqualTo(drawn.get(i - 1).length());
                if (shown.get(i).score() < shown.get(i - 1).score()) {
                    assertThat(drawn.get(i).length()).isLessThan(drawn.get(i - 1).length());
                }
            }
        }
        assertThat(drawn.stream().filter(DrawnBar::highlighted)).hasSize(1);
    }

    @Test
    void paintsTheHighlightedBarOfThePngInBlueAndTheOthersInGrey() throws IOException {
        ChartData.Ranking ranking = Fixtures.ranking(136, 0);
        ChartOptions png = new ChartOptions(1200, 800, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
        ChartOptions svgOptions = new ChartOptions(1200, 800, ChartOptions.Format.SVG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);
        List<double[]> highlighted = Svg.parse(DRAW.draw(ranking, svgOptions).bytes()).rectanglesFilled(Palette.HIGHLIGHT);
        List<double[]> others = Svg.parse(DRAW.draw(ranking, svgOptions).bytes()).rectanglesFilled(Palette.OTHERS);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(DRAW.draw(ranking, png).bytes()));

        double[] bar = highlighted.get(0);
        assertThat(new Color(image.getRGB((int) (bar[0] + bar[2] / 2), (int) (bar[1] + bar[3] / 2)))).isEqualTo(Palette.HIGHLIGHT);
        double[] first = others.get(0);
        assertThat(new Color(image.getRGB((int) (first[0] + first[2] / 2), (int) (first[1] + first[3] / 2)))).isEqualTo(Palette.OTHERS);
    }

    @Test
    void namesTheRankedRowsReadablyByDefaultAndStartsTheAxisNearTheLowestScore() {
        Svg svg = svg(Fixtures.ranking(136, 0), ChartOptions.Language.EN);

        List<Svg.Text> names = svg.texts().stream().filter(t -> t.content().matches("\\d+\\. .*")).toList();
        assertThat(names).extracting(Svg.Text::content).contains("1. อบต.ตำบลที่ 1", "46. " + Fixtures.MUANG_YAI);
        assertThat(names).allSatisfy(name -> assertThat(name.fontSize()).isGreaterThanOrEqualTo(9));
        assertNoOverlap(names);
        assertThat(svg.texts()).extracting(Svg.Text::content).anySatisfy(text -> assertThat(text).startsWith("Score (axis from 8"));
    }

    @Test
    void keepsTheBestTheHighlightedOneAndItsNeighboursWhenNotAllFit() {
        ChartData.Ranking ranking = Fixtures.ranking(136, 0);

        List<ChartData.Ranking.Bar> shown = ranking.shown(30);

        assertThat(shown).hasSize(30);
        assertThat(shown.get(0).rank()).isEqualTo(1);
        assertThat(shown).containsNull();
        assertThat(shown.stream().filter(Objects::nonNull).map(ChartData.Ranking.Bar::rank)).contains(44, 45, 46, 47, 48);
        assertThat(new ChartData.Ranking(ranking.caption(), ranking.bars(), ranking.bands(), 10).shown(30).stream().filter(Objects::nonNull))
                .hasSize(21).anySatisfy(bar -> assertThat(bar.highlighted()).isTrue());
        assertThat(new ChartData.Ranking(ranking.caption(), ranking.bars(), ranking.bands(), -1).shown(30)).hasSize(136);
    }

    private static void assertNoOverlap(List<Svg.Text> rows) {
        List<Svg.Text> sorted = rows.stream().sorted(Comparator.comparingDouble(Svg.Text::y)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).y() - sorted.get(i - 1).y()).as(sorted.get(i - 1).content() + " / " + sorted.get(i).content())
                    .isGreaterThanOrEqualTo(Math.min(sorted.get(i).fontSize(), sorted.get(i - 1).fontSize()) * 0.95);
        }
    }

    @Test
    void namesSeventySevenProvincesWithoutOverprintingAndShowsNoKeyForAnAbsentPoint() {
        Svg withPoint = svg(Fixtures.provinces(true), ChartOptions.Language.EN);
        Svg withoutPoint = svg(Fixtures.provinces(false), ChartOptions.Language.EN);

        List<Svg.Text> provinces = withPoint.texts().stream().filter(t -> t.content().startsWith("Province ") || t.content().equals("Chiang Rai")).toList();
        assertThat(provinces).hasSize(77);
        assertNoOverlap(provinces);
        assertThat(withPoint.texts()).extracting(Svg.Text::content).contains(Fixtures.MUANG_YAI);
        assertThat(withoutPoint.texts()).extracting(Svg.Text::content).doesNotContain(Fixtures.MUANG_YAI, "-", "●  -");
        assertThat(withPoint.filled("ellipse", Palette.HIGHLIGHT) + withPoint.filled("path", Palette.HIGHLIGHT)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void thinsRowNamesRatherThanOverprintThemWhenTheHeightIsSmall() {
        ChartData.Distribution provinces = Fixtures.provinces(false);
        Svg svg = Svg.parse(DRAW.draw(provinces, new ChartOptions(800, 600, ChartOptions.Format.SVG, ChartOptions.Language.EN, ChartOptions.Digits.ARABIC)).bytes());

        List<Svg.Text> names = svg.texts().stream().filter(t -> t.content().startsWith("Province ") || t.content().equals("Chiang Rai")).toList();
        assertThat(names).hasSizeBetween(10, 76);
        assertNoOverlap(names);
    }

    @Test
    void marksTheOrganizationBelowTheMedianInVermillionAndElsewhereInBlueOnAFittedAxis() {
        ChartData.Profile profile = Fixtures.profile();
        long below = profile.indicators().stream().filter(i -> i.value() < i.peers().median()).count();

        Svg svg = svg(profile, ChartOptions.Language.EN);

        long vermillion = svg.filled("path", Palette.BELOW) + svg.filled("ellipse", Palette.BELOW);
        long blue = svg.filled("path", Palette.HIGHLIGHT) + svg.filled("ellipse", Palette.HIGHLIGHT);
        // One of each is the key's.
        assertThat(vermillion).isEqualTo(below + 1);
        assertThat(blue).isEqualTo(profile.indicators().size() - below + 1);
        assertThat(svg.texts()).extracting(Svg.Text::content).anySatisfy(text -> assertThat(text).startsWith("Score (axis from"));
        assertThat(svg.texts()).extracting(Svg.Text::content).contains("93.14", "Effective communication");
    }

    @Test
    void namesEveryRowOfTheHeatmapWritesIndicatorsAcrossAndFitsTheKeyToTheData() {
        ChartData.Heatmap heatmap = Fixtures.heatmap(136);
        double lowest = heatmap.range()[0];

        Svg svg = svg(heatmap, ChartOptions.Language.EN);

        List<String> texts = svg.texts().stream().map(Svg.Text::content).toList();
        for (int o = 0; o < heatmap.organizations().size(); o++) {
            assertThat(texts).contains((o + 1) + ". " + heatmap.organizations().get(o));
        }
        assertThat(svg.texts()).allSatisfy(text -> assertThat(text.transform()).doesNotContain("rotate"));
        double floor = Math.floor(lowest / 5) * 5;
        assertThat(HeatmapChart.keyFloor(heatmap)).isEqualTo(floor).isGreaterThan(50);
        assertThat(texts).contains(String.valueOf((long) floor), "100").doesNotContain(String.valueOf((long) floor - 5), "0");
    }

    @Test
    void colorsScoresBlueFromThePassMarkAndRedOnlyBelowIt() {
        for (double score = 85; score <= 100; score += 0.5) {
            Color color = Palette.score(score, 80);
            assertThat(color.getBlue()).as("score " + score).isGreaterThan(color.getRed());
        }
        for (double score = 60; score < 85; score += 0.5) {
            Color color = Palette.score(score, 60);
            assertThat(color.getRed()).as("score " + score).isGreaterThan(color.getBlue());
        }
    }

    @Test
    void givesEveryLevelItsOwnColourAndKeepsTheTwoSchemesApart() {
        ChartData.Levels levels = Fixtures.levelsByYear();
        Set<Color> letters = new HashSet<>();
        Set<Color> passes = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            letters.add(Palette.level("letter-grades-2561", i, 7));
        }
        for (int i = 0; i < 5; i++) {
            passes.add(Palette.level("pass-levels-2567", i, 5));
        }

        assertThat(letters).hasSize(7).doesNotContainAnyElementsOf(passes);
        assertThat(passes).hasSize(5);
        Svg svg = svg(levels, ChartOptions.Language.EN);
        Set<String> fills = new HashSet<>();
        svg.elements("rect").forEach(rect -> fills.add(Svg.style(rect).getOrDefault("fill", "")));
        for (Color color : letters) {
            assertThat(fills).contains(String.format("rgb(%d,%d,%d)", color.getRed(), color.getGreen(), color.getBlue()));
        }
        for (Color color : passes) {
            assertThat(fills).contains(String.format("rgb(%d,%d,%d)", color.getRed(), color.getGreen(), color.getBlue()));
        }
        assertThat(svg.texts()).extracting(Svg.Text::content).contains("Grades AA–F (to 2566)", "Pass levels (from 2567)", "Excellent pass", "AA");
        assertThat(levels.asShares()).isTrue();
    }

    @Test
    void usesColoursThatStandOutOnWhiteAndFromEachOther() {
        assertThat(Palette.contrast(Palette.HIGHLIGHT, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(Palette.contrast(Palette.BELOW, Color.WHITE)).isGreaterThanOrEqualTo(3);
        assertThat(Palette.contrast(Palette.MEDIAN, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(Palette.contrast(Palette.SUBTLE_TEXT, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(Palette.contrast(Palette.HIGHLIGHT, Palette.OTHERS)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void drawsTenIndicatorsAsTenSmallPanelsOnOneScale() {
        Svg svg = svg(Fixtures.trend(10), ChartOptions.Language.EN);

        List<String> texts = svg.texts().stream().map(Svg.Text::content).toList();
        for (int i = 0; i < 10; i++) {
            assertThat(texts).contains("ind" + (i + 1) + " " + Fixtures.INDICATORS_EN[i]);
        }
        assertThat(texts).contains(Fixtures.MUANG_YAI, "Median of LAOs of Chiang Rai", "methodology changed in 2567, 2568");
    }

    @Test
    void givesTheETagOfADrawingWithoutDrawingAndAnotherForOtherDataOrOptions() {
        ChartData.Ranking ranking = Fixtures.ranking(136, 0);
        ChartOptions options = ChartOptions.defaults();
        List<ChartData.Ranking.Bar> changed = new ArrayList<>(ranking.bars());
        changed.set(3, new ChartData.Ranking.Bar(changed.get(3).name(), changed.get(3).score() - 0.01, 4, false));

        String etag = DRAW.etag(ranking, options);

        assertThat(DRAW.draw(ranking, options).etag()).isEqualTo(etag);
        assertThat(DRAW.etag(Fixtures.ranking(136, 0), options)).isEqualTo(etag);
        assertThat(DRAW.etag(new ChartData.Ranking(ranking.caption(), changed, ranking.bands(), 0), options)).isNotEqualTo(etag);
        assertThat(DRAW.etag(ranking, new ChartOptions(1200, 800, ChartOptions.Format.PNG, ChartOptions.Language.EN, ChartOptions.Digits.ARABIC)))
                .isNotEqualTo(etag);
        assertThat(new DrawCharts(LocalDate.of(2026, 11, 23)).etag(ranking, options)).isNotEqualTo(etag);
        assertThat(DRAW.etag(Fixtures.levelsByYear(), options)).isEqualTo(DRAW.etag(Fixtures.levelsByYear(), options));
    }

    @Test
    void givesTheSameBytesForTheSamePng() {
        ChartOptions options = ChartOptions.defaults();

        assertThat(DRAW.draw(Fixtures.ranking(300, 0), options).bytes()).isEqualTo(DRAW.draw(Fixtures.ranking(300, 0), options).bytes());
    }

    @Test
    void writesAltTextWithTheHighlightedRankInThaiDigits() {
        String alt = Fixtures.ranking(143, 0).altText(new ChartOptions(900, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI));

        assertThat(alt).contains("เทศบาลตำบลม่วงยาย อยู่ลำดับที่ ๔๘ จาก ๑๔๓");
    }

    @Test
    void refusesSizesOutsideTheLimits() {
        assertThatThrownBy(() -> new ChartOptions(100, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI))
                .isInstanceOf(ItaException.class).hasMessageContaining("width '100' is not valid: must be between 200 and 4000");
        assertThatThrownBy(() -> new ChartOptions(800, 90_000, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI))
                .hasMessageContaining("height");
    }

    @Test
    void refusesASizeInThaiByDefaultFromTheCatalog() {
        assertThatThrownBy(() -> new ChartOptions(100, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI))
                .isInstanceOfSatisfying(ItaException.class, e -> assertThat(th.ita.core.message.Messages.standard()
                        .render(e.userMessage().orElseThrow(), th.ita.core.message.Language.TH)).isEqualTo("ค่า '100' ของ width ไม่ถูกต้อง: ต้องอยู่ระหว่าง 200 ถึง 4000"));
    }

    private static List<String> drawnTexts(ChartData data, ChartOptions.Language language) {
        return svg(data, language).texts().stream().map(Svg.Text::content).toList();
    }

    @Test
    void drawsTheWordsOfItsAxesLegendsAndNotesInThaiAndInEnglish() {
        assertThat(drawnTexts(Fixtures.profile(), ChartOptions.Language.TH)).contains("คะแนน (แกนเริ่มที่ ๘๕)", "เทศบาลตำบลม่วงยาย (ไม่ต่ำกว่าค่ากลาง)",
                "ต่ำกว่าค่ากลาง", "ครึ่งกลางของอปท. ในจังหวัดเชียงราย", "ต่ำสุด–สูงสุด", "ค่ากลาง",
                "ข้อมูล: ปี ๒๕๖๘ | อปท. ในจังหวัดเชียงราย | ita-๒๕๖๘.csv เผยแพร่ ๒๒/๑๑/๒๕๖๙ | วาดเมื่อ ๒๒/๑๑/๒๕๖๙");
        assertThat(drawnTexts(Fixtures.profile(), ChartOptions.Language.EN)).contains("Score (axis from 85)", "เทศบาลตำบลม่วงยาย (at or above the median)",
                "below the median", "middle half of LAOs of Chiang Rai", "lowest–highest", "median",
                "Data: 2568 | LAOs of Chiang Rai | ita-2568.csv published 2026-11-22 | drawn 2026-11-22");
        assertThat(drawnTexts(Fixtures.ranking(136, 0), ChartOptions.Language.TH)).contains("เทศบาลตำบลม่วงยาย: ลำดับที่ ๔๖ จาก ๑๓๖ คะแนน ๘๙.๒๔",
                "แสดง ๓๔ จาก ๑๓๖ หน่วยงาน (ทั้งหมดอยู่ในตารางข้อมูล)");
        assertThat(drawnTexts(Fixtures.ranking(136, 0), ChartOptions.Language.EN)).contains("เทศบาลตำบลม่วงยาย: rank 46 of 136, score 89.24",
                "Showing 34 of 136 organizations (all are in the data table)");
        assertThat(drawnTexts(Fixtures.levelsByYear(), ChartOptions.Language.TH)).contains("ระดับ AA–F (ถึงปี ๒๕๖๖)", "ระดับผ่าน (ตั้งแต่ปี ๒๕๖๗)");
        assertThat(drawnTexts(Fixtures.indicatorDistribution(), ChartOptions.Language.EN)).contains("middle half of the scores, the line is the median", "Score");
    }
}
