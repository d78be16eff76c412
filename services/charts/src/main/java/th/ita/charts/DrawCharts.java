package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws chart data to PNG or SVG with JFreeChart, headless, in the bundled Thai font: a title, a
 * subtitle naming the data and the date drawn, Thai or Arabic digits, Buddhist Era years.
 */
public final class DrawCharts {
    static final Color HIGHLIGHT = new Color(0xC0392B);
    static final Color BAR = new Color(0x5B7DB1);
    static final Color MEDIAN = new Color(0x7F8C8D);
    /** Score bands of the heatmap and the ranking's background: below 70, 85, 90, 95, and from 95. */
    static final double[] BAND_LIMITS = {0, 70, 85, 90, 95};
    static final Color[] BAND_COLORS = {new Color(0xE74C3C), new Color(0xF39C12), new Color(0xF7DC6F), new Color(0xABEBC6), new Color(0x27AE60)};
    private static final StandardChartTheme THEME = theme();
    private final LocalDate drawnOn;

    /** The Thai font on every text, white backgrounds; applied to a chart before its own colors are set. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("ita");
        theme.setExtraLargeFont(ThaiFont.bold(20f));
        theme.setLargeFont(ThaiFont.bold(15f));
        theme.setRegularFont(ThaiFont.regular(13f));
        theme.setSmallFont(ThaiFont.regular(11f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xD5D8DC));
        theme.setRangeGridlinePaint(new Color(0xD5D8DC));
        return theme;
    }

    private static JFreeChart themed(JFreeChart chart) {
        THEME.apply(chart);
        return chart;
    }

    /** @param drawnOn the date printed on every chart (today, in the server's calendar) */
    public DrawCharts(LocalDate drawnOn) {
        this.drawnOn = drawnOn;
        System.setProperty("java.awt.headless", "true");
    }

    public RenderedChart draw(ChartData data, ChartOptions options) {
        return output(chart(data, options), options);
    }

    /**
     * A PNG for print: laid out at the options' size, drawn {@code scale} times larger in each
     * direction (texts and lines alike), so a chart laid out at 96 dpi prints at 96 × scale dpi.
     */
    public RenderedChart drawForPrint(ChartData data, ChartOptions options, int scale) {
        if (options.format() != ChartOptions.Format.PNG || scale < 1 || scale > 4) {
            throw new IllegalArgumentException("print charts are PNG drawn 1–4 times larger, not " + options.format() + " × " + scale);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * 1024);
            ChartUtils.writeScaledChartAsPNG(out, chart(data, options), options.width(), options.height(), scale, scale);
            return RenderedChart.of(out.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JFreeChart chart(ChartData data, ChartOptions options) {
        JFreeChart chart;
        if (data instanceof ChartData.Ranking ranking) {
            chart = ranking(ranking, options);
        } else if (data instanceof ChartData.Trend trend) {
            chart = trend(trend, options);
        } else if (data instanceof ChartData.Profile profile) {
            chart = profile(profile, options);
        } else if (data instanceof ChartData.Distribution distribution) {
            chart = distribution(distribution, options);
        } else if (data instanceof ChartData.Heatmap heatmap) {
            chart = heatmap(heatmap, options);
        } else {
            chart = levels((ChartData.Levels) data, options);
        }
        return frame(chart, data.caption(), options);
    }

    private JFreeChart ranking(ChartData.Ranking data, ChartOptions options) {
        List<ChartData.Ranking.Bar> bars = data.shown();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartData.Ranking.Bar bar : bars) {
            dataset.addValue(bar.score(), "score", label(options, bar));
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(null, null, options.text("คะแนน", "Score"), dataset, PlotOrientation.HORIZONTAL, false, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return bars.get(column).highlighted() ? HIGHLIGHT : BAR;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        plot.setRenderer(renderer);
        CategoryAxis names = plot.getDomainAxis();
        names.setCategoryMargin(bars.size() > 60 ? 0.05 : 0.2);
        // A label needs ~11 px: beyond that the names would overprint, so only the highlighted one is named (in the subtitle).
        names.setTickLabelsVisible(bars.size() * 11 <= options.height() - 160);
        NumberAxis scores = (NumberAxis) plot.getRangeAxis();
        scores.setRange(0, 100);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        List<ChartData.Band> bands = data.bands();
        for (int i = 0; i < bands.size(); i++) {
            double upper = i == 0 ? 100 : bands.get(i - 1).min();
            IntervalMarker band = new IntervalMarker(bands.get(i).min(), upper, i % 2 == 0 ? new Color(0xF4F6F7) : Color.WHITE);
            band.setLabel(options.text(bands.get(i).nameTh(), bands.get(i).nameEn()));
            band.setLabelFont(ThaiFont.regular(11f));
            band.setLabelAnchor(RectangleAnchor.TOP);
            band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addRangeMarker(band, Layer.BACKGROUND);
        }
        ValueMarker target = new ValueMarker(85, HIGHLIGHT, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        target.setLabel(Numbers.integer(options, 85));
        target.setLabelFont(ThaiFont.bold(12f));
        target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(target, Layer.FOREGROUND);
        data.bars().stream().filter(ChartData.Ranking.Bar::highlighted).findFirst().ifPresent(highlighted -> chart.addSubtitle(new TextTitle(
                options.text(highlighted.name() + ": ลำดับที่ " + Numbers.integer(options, highlighted.rank()) + " จาก "
                                + Numbers.integer(options, data.bars().size()) + " คะแนน " + Numbers.score(options, highlighted.score()),
                        highlighted.name() + ": rank " + highlighted.rank() + " of " + data.bars().size() + ", score " + Numbers.score(options, highlighted.score())),
                ThaiFont.bold(14f), HIGHLIGHT, RectangleEdge.TOP, org.jfree.chart.ui.HorizontalAlignment.CENTER,
                org.jfree.chart.ui.VerticalAlignment.CENTER, new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 2))));
        return chart;
    }

    private static String label(ChartOptions options, ChartData.Ranking.Bar bar) {
        return Numbers.integer(options, bar.rank()) + ". " + bar.name();
    }

    private JFreeChart trend(ChartData.Trend data, ChartOptions options) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        data.series().forEach((name, points) -> {
            XYSeries series = new XYSeries(name);
            points.forEach(series::add);
            dataset.addSeries(series);
        });
        if (!data.peerMedian().isEmpty()) {
            XYSeries median = new XYSeries(options.text("ค่ากลางของกลุ่ม", "Peer median"));
            data.peerMedian().forEach(median::add);
            dataset.addSeries(median);
        }
        JFreeChart chart = themed(ChartFactory.createXYLineChart(null, options.text("ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)"), options.text("คะแนน", "Score"),
                dataset, PlotOrientation.VERTICAL, true, false, false));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        if (!data.peerMedian().isEmpty()) {
            int median = dataset.getSeriesCount() - 1;
            renderer.setSeriesPaint(median, MEDIAN);
            renderer.setSeriesStroke(median, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        }
        plot.setRenderer(renderer);
        NumberAxis years = (NumberAxis) plot.getDomainAxis();
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        years.setAutoRangeIncludesZero(false);
        years.setLowerMargin(0.05);
        years.setUpperMargin(0.05);
        NumberAxis scores = (NumberAxis) plot.getRangeAxis();
        scores.setAutoRangeIncludesZero(false);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        for (int year : data.breaks()) {
            ValueMarker marker = new ValueMarker(year - 0.5, MEDIAN, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 3}, 0));
            marker.setLabel(options.text("เปลี่ยนเกณฑ์", "method change"));
            marker.setLabelFont(ThaiFont.regular(11f));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }
        return chart;
    }

    private JFreeChart profile(ChartData.Profile data, ChartOptions options) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String median = options.text("ค่ากลางของจังหวัด", "Province median");
        for (ChartData.Profile.Indicator indicator : data.indicators()) {
            String label = options.text(indicator.nameTh(), indicator.nameEn());
            dataset.addValue(indicator.value(), data.organization(), label);
            dataset.addValue(indicator.provinceMedian(), median, label);
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(null, null, options.text("คะแนน", "Score"), dataset, PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, HIGHLIGHT);
        renderer.setSeriesPaint(1, MEDIAN);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis scores = (NumberAxis) plot.getRangeAxis();
        scores.setRange(0, 100);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        plot.addRangeMarker(new ValueMarker(85, HIGHLIGHT, new BasicStroke(1f)), Layer.FOREGROUND);
        return chart;
    }

    private JFreeChart distribution(ChartData.Distribution data, ChartOptions options) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        for (ChartData.Distribution.Box box : data.boxes()) {
            boxes.add(new ArrayList<>(box.values()), options.text("การกระจาย", "Distribution"), box.label());
            points.addValue(box.point(), data.organization(), box.label());
        }
        JFreeChart chart = themed(ChartFactory.createBoxAndWhiskerChart(null, null, options.text("คะแนน", "Score"), boxes, true));
        CategoryPlot plot = chart.getCategoryPlot();
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0xAED6F1));
        renderer.setMeanVisible(false);
        renderer.setMaximumBarWidth(0.08);
        LineAndShapeRenderer pointRenderer = new LineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, HIGHLIGHT);
        pointRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        plot.setDataset(1, points);
        plot.setRenderer(1, pointRenderer);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis scores = (NumberAxis) plot.getRangeAxis();
        scores.setAutoRangeIncludesZero(false);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        return chart;
    }

    private JFreeChart heatmap(ChartData.Heatmap data, ChartOptions options) {
        int organizations = data.organizations().size();
        int indicators = data.indicators().size();
        double[] x = new double[organizations * indicators];
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int o = 0; o < organizations; o++) {
            for (int i = 0; i < indicators; i++) {
                int cell = o * indicators + i;
                x[cell] = i;
                y[cell] = organizations - 1 - o;
                z[cell] = data.values()[o][i];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("scores", new double[][] {x, y, z});
        String[] rowNames = new String[organizations];
        for (int o = 0; o < organizations; o++) {
            rowNames[organizations - 1 - o] = data.organizations().get(o);
        }
        SymbolAxis indicatorAxis = new SymbolAxis(null, data.indicators().toArray(String[]::new));
        indicatorAxis.setGridBandsVisible(false);
        indicatorAxis.setVerticalTickLabels(true);
        SymbolAxis organizationAxis = new SymbolAxis(null, rowNames);
        organizationAxis.setGridBandsVisible(false);
        organizationAxis.setTickLabelsVisible(organizations * 11 <= options.height() - 160);
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 100.01, new Color(0xECF0F1));
        for (int band = 0; band < BAND_LIMITS.length; band++) {
            scale.add(BAND_LIMITS[band], BAND_COLORS[band]);
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, indicatorAxis, organizationAxis, renderer);
        plot.setBackgroundPaint(new Color(0xECF0F1));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = themed(new JFreeChart(null, ThaiFont.bold(18f), plot, false));
        NumberAxis legendAxis = new NumberAxis(options.text("คะแนน", "Score"));
        legendAxis.setRange(0, 100);
        legendAxis.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(8, 8, 8, 8);
        chart.addSubtitle(legend);
        if (data.highlighted() != null) {
            int row = data.organizations().indexOf(data.highlighted());
            chart.addSubtitle(new TextTitle(options.text(data.highlighted() + " อยู่แถวที่ " + Numbers.integer(options, row + 1),
                    data.highlighted() + " is row " + (row + 1)), ThaiFont.bold(14f), HIGHLIGHT, RectangleEdge.TOP,
                    org.jfree.chart.ui.HorizontalAlignment.CENTER, org.jfree.chart.ui.VerticalAlignment.CENTER, new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 2)));
        }
        return chart;
    }

    private JFreeChart levels(ChartData.Levels data, ChartOptions options) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        data.counts().forEach((group, byLevel) -> {
            for (String level : data.levels()) {
                dataset.addValue(byLevel.getOrDefault(level, 0), level, group);
            }
        });
        JFreeChart chart = themed(ChartFactory.createStackedBarChart(null, null, options.text("จำนวนหน่วยงาน", "Organizations"), dataset,
                PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.levels().size(); i++) {
            renderer.setSeriesPaint(i, BAND_COLORS[BAND_COLORS.length - 1 - Math.min(i, BAND_COLORS.length - 1)]);
        }
        if (data.counts().size() > 12) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /** Title, data subtitle, date drawn and the Thai font on every text of the chart. */
    private JFreeChart frame(JFreeChart chart, ChartData.Caption caption, ChartOptions options) {
        chart.setTitle(new TextTitle(options.text(caption.titleTh(), caption.titleEn()), ThaiFont.bold(20f)));
        String drawn = Numbers.digits(options, options.thai()
                ? "ข้อมูล: " + caption.dataTh() + " | วาดเมื่อ " + drawnOn.getDayOfMonth() + "/" + drawnOn.getMonthValue() + "/" + (drawnOn.getYear() + 543)
                : "Data: " + caption.dataEn() + " | drawn " + drawnOn);
        TextTitle subtitle = new TextTitle(drawn, ThaiFont.regular(12f));
        subtitle.setPaint(new Color(0x566573));
        chart.addSubtitle(0, subtitle);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static RenderedChart output(JFreeChart chart, ChartOptions options) {
        if (options.format() == ChartOptions.Format.SVG) {
            SVGGraphics2D svg = new SVGGraphics2D(options.width(), options.height());
            svg.setFontFunction(family -> ThaiFont.SVG_FAMILY);
            chart.draw(svg, new Rectangle(options.width(), options.height()));
            return RenderedChart.of(svg.getSVGDocument().getBytes(StandardCharsets.UTF_8), "image/svg+xml");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            ChartUtils.writeChartAsPNG(out, chart, options.width(), options.height());
            return RenderedChart.of(out.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fonts are loaded once, before the first chart, so the first request does not pay for it. */
    public static Font warmUp() {
        return ThaiFont.REGULAR;
    }
}
