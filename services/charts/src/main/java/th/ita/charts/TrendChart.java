package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A metric over the years as one line — the organization in blue, the peers' median dashed grey —
 * and several metrics (tools, ten indicators) as small multiples: one small panel per metric on one
 * shared score axis, instead of a tangle of lines in as many colours.
 */
final class TrendChart {
    static final BasicStroke ORGANIZATION_LINE = new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke MEDIAN_LINE = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0);

    static final BasicStroke BREAK_LINE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {2, 3}, 0);

    private TrendChart() {
    }

    static JFreeChart draw(ChartData.Trend data, ChartOptions options) {
        double[] range = range(data);
        List<XYPlot> panels = new ArrayList<>();
        boolean single = data.series().size() <= 1;
        for (ChartData.Trend.Series series : data.series()) {
            panels.add(panel(series, data, options, range, single));
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem(data.organization(), null, null, null, new Line2D.Double(-9, 0, 9, 0), ORGANIZATION_LINE, Palette.HIGHLIGHT));
        legend.add(new LegendItem(options.message("chart.legend.medianOf", "group", data.peers().text(options)), null, null, null,
                new Line2D.Double(-9, 0, 9, 0), MEDIAN_LINE, Palette.MEDIAN));
        if (!data.breaks().isEmpty()) {
            legend.add(new LegendItem(options.message("chart.legend.methodologyChanged", "years",
                    String.join(", ", data.breaks().stream().map(year -> Numbers.integer(options, year)).toList())), null, null, null,
                    new Line2D.Double(-9, 0, 9, 0), BREAK_LINE, Palette.SUBTLE_TEXT));
        }
        if (single) {
            XYPlot plot = panels.isEmpty() ? new XYPlot(new XYSeriesCollection(), axis(options, null, false), axis(options, range, true),
                    new XYLineAndShapeRenderer()) : panels.get(0);
            plot.setFixedLegendItems(legend);
            JFreeChart chart = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), plot, true));
            style(plot, true);
            plot.getDomainAxis().setLabelFont(ThaiFont.regular(13f));
            plot.getRangeAxis().setLabelFont(ThaiFont.regular(13f));
            return chart;
        }
        int columns = data.series().size() <= 3 ? data.series().size() : options.width() < 700 ? 2 : data.series().size() <= 4 ? 2 : 5;
        List<JFreeChart> charts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            JFreeChart small = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(12f), panels.get(i), false));
            style(panels.get(i), false);
            panels.get(i).getDomainAxis().setTickLabelFont(ThaiFont.regular(10f));
            panels.get(i).getRangeAxis().setTickLabelFont(ThaiFont.regular(10f));
            TextTitle title = new TextTitle(data.series().get(i).name().text(options), ThaiFont.bold(12f));
            title.setPaint(Palette.TEXT);
            title.setMaximumLinesToDisplay(2);
            small.setTitle(title);
            small.setPadding(new RectangleInsets(4, 2, 6, 6));
            charts.add(small);
        }
        SmallMultiples grid = new SmallMultiples(charts, columns, legend);
        return DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), grid, true));
    }

    /** One shared score range over every value and median, fitted to the data (not forced to 0–100). */
    private static double[] range(ChartData.Trend data) {
        double min = 100;
        double max = 0;
        for (ChartData.Trend.Series series : data.series()) {
            for (double value : series.values().values()) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            for (double value : series.peerMedian().values()) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            return new double[] {0, 100};
        }
        return new double[] {Math.max(0, Math.floor((min - 2) / 5) * 5), Math.min(100, Math.ceil((max + 1) / 5) * 5)};
    }

    private static NumberAxis axis(ChartOptions options, double[] range, boolean scores) {
        NumberAxis axis = new NumberAxis(null);
        axis.setTickLabelFont(ThaiFont.regular(11f));
        axis.setTickLabelPaint(Palette.TEXT);
        axis.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        if (scores) {
            axis.setRange(range[0], range[1]);
        } else {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setAutoRangeIncludesZero(false);
            axis.setLowerMargin(0.06);
            axis.setUpperMargin(0.06);
        }
        return axis;
    }

    /** Series colours and lines, set after the theme (which clears a renderer's series paints). */
    private static void style(XYPlot plot, boolean single) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Palette.HIGHLIGHT);
        renderer.setSeriesStroke(0, ORGANIZATION_LINE);
        double dot = single ? 8 : 6;
        renderer.setSeriesShape(0, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        renderer.setSeriesPaint(1, Palette.MEDIAN);
        renderer.setSeriesStroke(1, MEDIAN_LINE);
        renderer.setSeriesShapesVisible(1, false);
    }

    private static XYPlot panel(ChartData.Trend.Series series, ChartData.Trend data, ChartOptions options, double[] range, boolean single) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries values = new XYSeries(series.code() + ":values");
        new TreeMap<>(series.values()).forEach(values::add);
        XYSeries median = new XYSeries(series.code() + ":median");
        new TreeMap<>(series.peerMedian()).forEach(median::add);
        dataset.addSeries(values);
        dataset.addSeries(median);
        NumberAxis years = axis(options, null, false);
        NumberAxis scores = axis(options, range, true);
        if (single) {
            years.setLabel(options.message("chart.axis.fiscalYear"));
            scores.setLabel(options.message("chart.axis.score"));
            years.setLabelFont(ThaiFont.regular(13f));
            scores.setLabelFont(ThaiFont.regular(13f));
            years.setTickLabelFont(ThaiFont.regular(12f));
            scores.setTickLabelFont(ThaiFont.regular(12f));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(dataset, years, scores, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Palette.GRID);
        if (range[0] < 85 && range[1] > 85) {
            plot.addRangeMarker(new ValueMarker(85, Palette.GRID, new BasicStroke(1.4f)));
        }
        for (int year : data.breaks()) {
            ValueMarker marker = new ValueMarker(year - 0.5, Palette.SUBTLE_TEXT, BREAK_LINE);
            plot.addDomainMarker(marker);
        }
        return plot;
    }

    /** Small charts in a grid, drawn as the plot of one frame chart (which carries the title, subtitle and the shared legend). */
    static final class SmallMultiples extends Plot {
        private final List<JFreeChart> charts;
        private final int columns;
        private final LegendItemCollection legend;

        SmallMultiples(List<JFreeChart> charts, int columns, LegendItemCollection legend) {
            this.charts = List.copyOf(charts);
            this.columns = Math.max(1, columns);
            this.legend = legend;
            setOutlineVisible(false);
            setBackgroundPaint(null);
        }

        @Override
        public String getPlotType() {
            return "Small multiples";
        }

        @Override
        public LegendItemCollection getLegendItems() {
            return legend;
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
            int rows = (charts.size() + columns - 1) / columns;
            double width = area.getWidth() / columns;
            double height = area.getHeight() / rows;
            for (int i = 0; i < charts.size(); i++) {
                Rectangle2D cell = new Rectangle2D.Double(area.getX() + (i % columns) * width, area.getY() + (i / columns) * height, width, height);
                Shape clip = g2.getClip();
                charts.get(i).draw(g2, cell);
                g2.setClip(clip);
            }
        }
    }
}
