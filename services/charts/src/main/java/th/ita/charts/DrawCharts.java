package th.ita.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws chart data to PNG or SVG with JFreeChart, headless, in the bundled Thai font: a title, a
 * subtitle naming the data and the date drawn, Thai or Arabic digits, Buddhist Era years.
 */
public final class DrawCharts {
    /** Changes whenever the drawing changes, so that an ETag of old bytes is not answered 304. */
    static final String DRAWING_VERSION = "charts-3";
    private static final StandardChartTheme THEME = theme();
    private final LocalDate drawnOn;

    /** The Thai font on every text, white backgrounds; applied to a chart before its own colours are set. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("ita");
        theme.setExtraLargeFont(ThaiFont.bold(20f));
        theme.setLargeFont(ThaiFont.bold(15f));
        theme.setRegularFont(ThaiFont.regular(13f));
        theme.setSmallFont(ThaiFont.regular(11f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Palette.GRID);
        theme.setDomainGridlinePaint(Palette.GRID);
        theme.setRangeGridlinePaint(Palette.GRID);
        theme.setAxisLabelPaint(Palette.TEXT);
        theme.setTickLabelPaint(Palette.TEXT);
        theme.setLegendItemPaint(Palette.TEXT);
        theme.setTitlePaint(Palette.TEXT);
        theme.setSubtitlePaint(Palette.SUBTLE_TEXT);
        return theme;
    }

    static JFreeChart themed(JFreeChart chart) {
        THEME.apply(chart);
        return chart;
    }

    /** @param drawnOn the date printed on every chart (today, in the server's calendar) */
    public DrawCharts(LocalDate drawnOn) {
        this.drawnOn = java.util.Objects.requireNonNull(drawnOn, "drawnOn is null");
        System.setProperty("java.awt.headless", "true");
    }

    public LocalDate drawnOn() {
        return drawnOn;
    }

    /**
     * The ETag of what {@link #draw} would give for this data and these options, without drawing: a
     * digest of the data, the options, the date printed and the drawing's version.
     */
    public String etag(ChartData data, ChartOptions options) {
        return ChartFingerprint.of(data, options, drawnOn, DRAWING_VERSION);
    }

    public RenderedChart draw(ChartData data, ChartOptions options) {
        return draw(data, options, etag(data, options));
    }

    /** {@link #draw(ChartData, ChartOptions)} with its ETag already computed ({@link #etag}): a nation's data is not digested twice. */
    public RenderedChart draw(ChartData data, ChartOptions options, String etag) {
        return output(chart(data, options), options, etag);
    }

    /** The chart's pixels, as {@link #draw} encodes them to PNG (the thread's buffer: use it before drawing the next chart). */
    public BufferedImage pixels(ChartData data, ChartOptions options) {
        return image(chart(data, options), options.width(), options.height(), 1);
    }

    /**
     * A PNG for print: laid out at the options' size, drawn {@code scale} times larger in each
     * direction (texts and lines alike), so a chart laid out at 96 dpi prints at 96 × scale dpi.
     */
    public RenderedChart drawForPrint(ChartData data, ChartOptions options, int scale) {
        if (options.format() != ChartOptions.Format.PNG || scale < 1 || scale > 4) {
            throw new IllegalArgumentException("print charts are PNG drawn 1–4 times larger, not " + options.format() + " × " + scale);
        }
        return new RenderedChart(PngEncoder.encode(image(chart(data, options), options.width(), options.height(), scale)), "image/png",
                etag(data, options) + "-print" + scale);
    }

    JFreeChart chart(ChartData data, ChartOptions options) {
        JFreeChart chart;
        if (data instanceof ChartData.Ranking ranking) {
            chart = RankingChart.draw(ranking, options);
        } else if (data instanceof ChartData.Trend trend) {
            chart = TrendChart.draw(trend, options);
        } else if (data instanceof ChartData.Profile profile) {
            chart = ProfileChart.draw(profile, options);
        } else if (data instanceof ChartData.Distribution distribution) {
            chart = DistributionChart.draw(distribution, options);
        } else if (data instanceof ChartData.Heatmap heatmap) {
            chart = HeatmapChart.draw(heatmap, options);
        } else {
            chart = LevelsChart.draw((ChartData.Levels) data, options);
        }
        return frame(chart, data.caption(), options);
    }

    /**
     * The height a chart needs to name every row readably at this width: a heatmap of 136
     * organizations or 77 provinces side by side need more than the default 800 pixels.
     */
    public static int preferredHeight(ChartData data, int width) {
        int height;
        if (data instanceof ChartData.Trend trend) {
            height = trend.series().size() > 3 ? 820 : 640;
        } else if (data instanceof ChartData.Profile profile) {
            height = 220 + 48 * profile.indicators().size();
        } else if (data instanceof ChartData.Distribution distribution) {
            height = 230 + 22 * distribution.boxes().size();
        } else if (data instanceof ChartData.Heatmap heatmap) {
            height = 300 + 15 * heatmap.organizations().size();
        } else if (data instanceof ChartData.Levels levels) {
            height = levels.groups().size() > LevelsChart.HORIZONTAL_FROM ? 230 + 17 * levels.groups().size() : 640;
        } else {
            height = 800;
        }
        return Math.max(ChartOptions.MIN_SIZE, Math.min(ChartOptions.MAX_HEIGHT, Math.max(480, height)));
    }

    /** Title, data subtitle, date drawn and the Thai font on every text of the chart. */
    private JFreeChart frame(JFreeChart chart, ChartData.Caption caption, ChartOptions options) {
        TextTitle title = new TextTitle(caption.title(options), ThaiFont.bold(20f));
        title.setPaint(Palette.TEXT);
        chart.setTitle(title);
        // The date as each language writes it: day/month/BE year in Thai, ISO in English.
        String date = options.thai() ? drawnOn.getDayOfMonth() + "/" + drawnOn.getMonthValue() + "/" + (drawnOn.getYear() + 543) : drawnOn.toString();
        String drawn = Numbers.digits(options, options.message("chart.drawn", "data", caption.data(options), "date", date));
        TextTitle subtitle = new TextTitle(drawn, ThaiFont.regular(12f));
        subtitle.setPaint(Palette.SUBTLE_TEXT);
        subtitle.setMargin(new RectangleInsets(2, 4, 6, 4));
        chart.addSubtitle(0, subtitle);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(ThaiFont.regular(12f));
            legend.setItemPaint(Palette.TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 8, 6, 12));
        return chart;
    }

    private static RenderedChart output(JFreeChart chart, ChartOptions options, String etag) {
        if (options.format() == ChartOptions.Format.SVG) {
            SVGGraphics2D svg = new SVGGraphics2D(options.width(), options.height());
            // The bundled font is named with fallbacks; any other family (a text left in a default font) keeps its own name, so tests can catch it.
            svg.setFontFunction(family -> family.equals(ThaiFont.REGULAR.getFamily()) ? ThaiFont.SVG_FAMILY : family);
            chart.draw(svg, new Rectangle(options.width(), options.height()));
            return new RenderedChart(svg.getSVGDocument().getBytes(StandardCharsets.UTF_8), "image/svg+xml", etag);
        }
        return new RenderedChart(PngEncoder.encode(image(chart, options.width(), options.height(), 1)), "image/png", etag);
    }

    /** Images up to this many pixels are drawn into a buffer the thread keeps (1200×800 is 0.96 M): larger ones are not kept. */
    private static final int KEPT_PIXELS = 1_500_000;
    private static final ThreadLocal<BufferedImage> KEPT = new ThreadLocal<>();

    /**
     * The chart drawn at {@code scale} into an opaque RGB image (the charts' background is white, so no alpha
     * is needed). Small images reuse the thread's buffer: it is painted white first, and the chart paints
     * its background over all of it.
     */
    static BufferedImage image(JFreeChart chart, int width, int height, int scale) {
        int pixelWidth = width * scale;
        int pixelHeight = height * scale;
        BufferedImage image = KEPT.get();
        if (image == null || image.getWidth() != pixelWidth || image.getHeight() != pixelHeight) {
            image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_RGB);
            if ((long) pixelWidth * pixelHeight <= KEPT_PIXELS) {
                KEPT.set(image);
            }
        }
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, pixelWidth, pixelHeight);
            if (scale != 1) {
                g2.scale(scale, scale);
            }
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Fonts are loaded once, before the first chart, so the first request does not pay for it. */
    public static Font warmUp() {
        return ThaiFont.REGULAR;
    }
}
