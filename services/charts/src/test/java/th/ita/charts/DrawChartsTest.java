package th.ita.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import th.ita.core.error.ItaException;

class DrawChartsTest {
    private static final DrawCharts DRAW = new DrawCharts(LocalDate.of(2026, 11, 22));
    private static final ChartData.Caption CAPTION = new ChartData.Caption("ผลการประเมิน ITA", "ITA results", "ปี 2568 | อปท. ในจังหวัดเชียงราย | ชุดข้อมูล 1",
            "2568 | LAOs of Chiang Rai | batch 1");
    private static final List<ChartData.Band> BANDS = List.of(new ChartData.Band("ผ่านดีเยี่ยม", "Excellent", 95),
            new ChartData.Band("ผ่านดี", "Good", 85), new ChartData.Band("ต้องปรับปรุง", "Improve", 70), new ChartData.Band("ปรับปรุงด่วน", "Urgent", 0));

    static ChartData.Ranking ranking(int size) {
        Random random = new Random(7);
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scores.add(Math.round((60 + random.nextDouble() * 40) * 100) / 100.0);
        }
        scores.sort((a, b) -> Double.compare(b, a));
        List<ChartData.Ranking.Bar> bars = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean highlighted = i == size / 3;
            bars.add(new ChartData.Ranking.Bar(highlighted ? "เทศบาลตำบลม่วงยาย" : "อบต.ตำบลที่ " + (i + 1), scores.get(i), i + 1, highlighted));
        }
        return new ChartData.Ranking(CAPTION, bars, BANDS, 0);
    }

    static List<ChartData> everyKind() {
        Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
        series.put("คะแนนรวม", Map.of(2564, 81.2, 2565, 86.0, 2566, 89.9, 2567, 92.4, 2568, 95.41));
        series.put("OIT", Map.of(2564, 70.0, 2565, 82.5, 2566, 90.0, 2567, 91.0, 2568, 95.0));
        ChartData.Trend trend = new ChartData.Trend(CAPTION, series, Map.of(2564, 80.0, 2565, 85.0, 2566, 88.0, 2567, 91.0, 2568, 93.0), List.of(2567, 2568));
        List<ChartData.Profile.Indicator> indicators = new ArrayList<>();
        String[] names = {"การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต",
                "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"};
        double[] values = {98.67, 99.24, 100, 95.62, 97.90, 93.94, 93.14, 92.14, 100, 90};
        for (int i = 0; i < 10; i++) {
            indicators.add(new ChartData.Profile.Indicator("ind" + (i + 1), names[i], "Indicator " + (i + 1), values[i], 92.0 + i % 3));
        }
        ChartData.Profile profile = new ChartData.Profile(CAPTION, "เทศบาลตำบลม่วงยาย", indicators);
        Random random = new Random(3);
        List<ChartData.Distribution.Box> boxes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Double> box = new ArrayList<>();
            for (int j = 0; j < 143; j++) {
                box.add(Math.min(100, 70 + random.nextGaussian() * 10 + 15));
            }
            boxes.add(new ChartData.Distribution.Box(names[i], box, values[i]));
        }
        ChartData.Distribution distribution = new ChartData.Distribution(CAPTION, "เทศบาลตำบลม่วงยาย", boxes);
        List<String> organizations = new ArrayList<>();
        double[][] cells = new double[40][10];
        for (int o = 0; o < 40; o++) {
            organizations.add(o == 5 ? "เทศบาลตำบลม่วงยาย" : "อบต.ที่ " + o);
            for (int i = 0; i < 10; i++) {
                cells[o][i] = o == 7 && i == 3 ? Double.NaN : Math.min(100, 60 + random.nextDouble() * 45);
            }
        }
        ChartData.Heatmap heatmap = new ChartData.Heatmap(CAPTION, organizations, List.of(names), cells, "เทศบาลตำบลม่วงยาย");
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("เชียงราย", Map.of("ผ่านดีเยี่ยม", 30, "ผ่านดี", 80, "ผ่าน", 20, "ต้องปรับปรุง", 10, "ต้องปรับปรุงโดยด่วน", 3));
        counts.put("แพร่", Map.of("ผ่านดีเยี่ยม", 20, "ผ่านดี", 50, "ผ่าน", 10, "ต้องปรับปรุง", 5, "ต้องปรับปรุงโดยด่วน", 1));
        ChartData.Levels levels = new ChartData.Levels(CAPTION, List.of("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"), counts);
        return List.of(ranking(143), trend, profile, distribution, heatmap, levels);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void drawsEveryKindAsAPngOfTheAskedSizeThatIsNotBlank(ChartData data) throws IOException {
        RenderedChart png = DRAW.draw(data, new ChartOptions(900, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(distinctColors(image)).isGreaterThan(8);
        assertThat(png.contentType()).isEqualTo("image/png");
        Path examples = Path.of("target", "chart-examples");
        Files.createDirectories(examples);
        Files.write(examples.resolve(data.getClass().getSimpleName().toLowerCase() + ".png"), png.bytes());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void drawsEveryKindAsAnSvgThatNamesTheOrganization(ChartData data) {
        RenderedChart svg = DRAW.draw(data, new ChartOptions(900, 600, ChartOptions.Format.SVG, ChartOptions.Language.EN, ChartOptions.Digits.ARABIC));

        String text = new String(svg.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains("width='900.0'").contains("height='600.0'").contains("ITA results");
        if (!(data instanceof ChartData.Trend) && !(data instanceof ChartData.Levels)) {
            assertThat(text).contains("ม่วงยาย");
        }
        assertThat(text).contains("Loma");
    }

    @Test
    void givesTheSameBytesAndETagForTheSameRequest() {
        ChartOptions options = ChartOptions.defaults();
        RenderedChart first = DRAW.draw(ranking(300), options);
        RenderedChart second = DRAW.draw(ranking(300), options);

        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.etag()).isEqualTo(first.etag());
    }

    @Test
    void keepsTheTopAndBottomAndTheHighlightedOneByChoice() {
        ChartData.Ranking all = ranking(300);
        ChartData.Ranking trimmed = new ChartData.Ranking(all.caption(), all.bars(), all.bands(), 10);

        assertThat(trimmed.shown()).hasSize(21).anySatisfy(bar -> assertThat(bar.highlighted()).isTrue());
    }

    @Test
    void writesAltTextWithTheHighlightedRankInThaiDigits() {
        String alt = ranking(143).altText(new ChartOptions(900, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI));

        assertThat(alt).contains("เทศบาลตำบลม่วงยาย อยู่ลำดับที่ ๔๘ จาก ๑๔๓");
    }

    @Test
    void refusesSizesOutsideTheLimits() {
        assertThatThrownBy(() -> new ChartOptions(100, 600, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI))
                .isInstanceOf(ItaException.class).hasMessageContaining("width must be 200–4000");
        assertThatThrownBy(() -> new ChartOptions(800, 90_000, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.THAI))
                .hasMessageContaining("height");
    }

    private static int distinctColors(BufferedImage image) {
        java.util.Set<Integer> colors = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size();
    }
}
