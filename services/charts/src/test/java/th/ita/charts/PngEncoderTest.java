package th.ita.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngEncoderTest {
    private static final DrawCharts DRAW = new DrawCharts(LocalDate.of(2026, 11, 22));

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static int colourType(byte[] png) {
        return png[25];
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRGB(x, y) & 0xFFFFFF;
                int got = actual.getRGB(x, y) & 0xFFFFFF;
                if (want != got) {
                    throw new AssertionError(String.format("pixel (%d, %d) is %06x, not %06x", x, y, got, want));
                }
            }
        }
    }

    @Test
    void writesAnImageOfManyColoursAsRgbWithExactlyItsPixels() throws IOException {
        BufferedImage image = new BufferedImage(301, 157, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // Runs of repeated rows and noise, so that both filters are used.
                image.setRGB(x, y, y % 3 == 0 ? random.nextInt(1 << 24) : y % 3 == 1 ? 0xFFFFFF - x : image.getRGB(x, y - 1));
            }
        }

        byte[] png = PngEncoder.encode(image);

        assertThat(colourType(png)).as("RGB").isEqualTo(2);
        assertSamePixels(decode(png), image);
    }

    @Test
    void writesAnImageOfAtMost256ColoursWithAnExactPalette() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 255; i++) {
            g2.setColor(new Color(i, 255 - i, (i * 7) % 256));
            g2.fillRect((i % 16) * 40, (i / 16) * 30, 35, 25);
        }
        g2.dispose();

        byte[] png = PngEncoder.encode(image);

        assertThat(colourType(png)).as("palette").isEqualTo(3);
        assertSamePixels(decode(png), image);
    }

    @Test
    void refusesAnImageItCannotReadAsPackedPixels() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The chart as JFreeChart draws it for ImageIO (ARGB), against what the PNG decodes to: the same pixels. */
    @ParameterizedTest
    @ValueSource(strings = {"ranking", "trend", "profile", "distribution", "heatmap", "levels"})
    void aChartsPngHasThePixelsJFreeChartDrawsForIt(String kind) throws IOException {
        ChartData data = Fixtures.everyKind().entrySet().stream().filter(entry -> entry.getKey().startsWith(kind)).findFirst().orElseThrow().getValue();
        ChartOptions options = new ChartOptions(1200, DrawCharts.preferredHeight(data, 1200), ChartOptions.Format.PNG, ChartOptions.Language.TH,
                ChartOptions.Digits.ARABIC);
        JFreeChart chart = DRAW.chart(data, options);
        BufferedImage expected = chart.createBufferedImage(options.width(), options.height());

        byte[] png = DRAW.draw(data, options).bytes();

        assertSamePixels(decode(png), expected);
    }

    @Test
    void aPrintChartIsTheChartDrawnLargerAndReadsBack() throws IOException {
        ChartData data = Fixtures.ranking(136, 0);
        ChartOptions options = new ChartOptions(600, 400, ChartOptions.Format.PNG, ChartOptions.Language.TH, ChartOptions.Digits.ARABIC);

        BufferedImage print = decode(DRAW.drawForPrint(data, options, 3).bytes());

        assertThat(print.getWidth()).isEqualTo(1800);
        assertThat(print.getHeight()).isEqualTo(1200);
        BufferedImage expected = new BufferedImage(1800, 1200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = expected.createGraphics();
        g2.scale(3, 3);
        DRAW.chart(data, options).draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400));
        g2.dispose();
        assertSamePixels(print, expected);
    }
}
