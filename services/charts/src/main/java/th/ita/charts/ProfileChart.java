package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A dot per indicator against the peers' spread (a "spine" chart): the light bar is the peers' full
 * range, the darker bar their middle half, the tick their median; the organization is a blue dot, or a
 * vermillion diamond where it is below the median (shape and colour both say it). The score axis is
 * fitted to the data, so that a 93-vs-97 gap is visible.
 */
final class ProfileChart {
    static final Shape DOT = new Ellipse2D.Double(-6, -6, 12, 12);
    static final Shape DIAMOND = diamond(7);

    private ProfileChart() {
    }

    private static Shape diamond(double r) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -r);
        path.lineTo(r, 0);
        path.lineTo(0, r);
        path.lineTo(-r, 0);
        path.closePath();
        return path;
    }

    static JFreeChart draw(ChartData.Profile data, ChartOptions options) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        double lowest = 100;
        for (ChartData.Profile.Indicator indicator : data.indicators()) {
            dataset.addValue(indicator.value(), data.organization(), indicator.name().text(options));
            if (indicator.value() != null) {
                lowest = Math.min(lowest, indicator.value());
            }
            if (indicator.peers() != null) {
                lowest = Math.min(lowest, indicator.peers().firstQuartile());
            }
        }
        double lower = Math.max(0, Math.floor((lowest - 3) / 5) * 5);
        CategoryAxis names = new CategoryAxis(null);
        NumberAxis scores = new NumberAxis(lower > 0
                ? options.message("chart.axis.scoreFrom", "lower", Numbers.integer(options, (long) lower))
                : options.message("chart.axis.score"));
        SpineRenderer renderer = new SpineRenderer(data.indicators(), options);
        CategoryPlot plot = new CategoryPlot(dataset, names, scores, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LegendItemCollection legend = new LegendItemCollection();
        String peers = data.peers().text(options);
        legend.add(item(options.message("chart.legend.atOrAboveMedian", "organization", data.organization()), DOT, Palette.HIGHLIGHT));
        legend.add(item(options.message("chart.legend.belowMedian"), DIAMOND, Palette.BELOW));
        legend.add(item(options.message("chart.legend.middleHalfOf", "group", peers), new Rectangle2D.Double(-9, -5, 18, 10), Palette.MIDDLE_HALF));
        if (data.indicators().stream().anyMatch(i -> i.peers() != null && i.peers().min() != null)) {
            legend.add(item(options.message("chart.legend.lowestHighest"), new Rectangle2D.Double(-9, -3, 18, 6), Palette.RANGE));
        }
        legend.add(item(options.message("chart.legend.median"), new Rectangle2D.Double(-1.5, -7, 3, 14), Palette.MEDIAN));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), plot, true));
        names.setTickLabelFont(ThaiFont.regular(13f));
        names.setMaximumCategoryLabelWidthRatio(0.32f);
        names.setMaximumCategoryLabelLines(2);
        names.setCategoryMargin(0.2);
        scores.setRange(lower, 100.5);
        scores.setTickUnit(Numbers.scoreTicks(lower, 100));
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        scores.setLabelFont(ThaiFont.regular(13f));
        scores.setTickLabelFont(ThaiFont.regular(12f));
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(new Color(0xEEF0F2));
        plot.setOutlineVisible(false);
        if (lower < 85) {
            ValueMarker pass = new ValueMarker(85, Palette.GRID, new BasicStroke(1.4f));
            plot.addRangeMarker(pass, Layer.BACKGROUND);
        }
        return chart;
    }

    private static LegendItem item(String label, Shape shape, Color color) {
        LegendItem item = new LegendItem(label, color);
        item.setShape(shape);
        item.setFillPaint(color);
        return item;
    }

    /** Draws each indicator's spread, median and the organization's mark; values outside the axis are drawn at its edge. */
    static final class SpineRenderer extends AbstractCategoryItemRenderer {
        private final transient List<ChartData.Profile.Indicator> indicators;
        private final transient ChartOptions options;

        SpineRenderer(List<ChartData.Profile.Indicator> indicators, ChartOptions options) {
            this.indicators = indicators;
            this.options = options;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                             ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            ChartData.Profile.Indicator indicator = indicators.get(column);
            double y = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
            double band = Math.min(22, domainAxis.getCategoryEnd(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge())
                    - domainAxis.getCategoryStart(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge()));
            RectangleEdge edge = plot.getRangeAxisEdge();
            ChartData.Spread peers = indicator.peers();
            if (peers != null) {
                if (peers.min() != null && peers.max() != null) {
                    double min = x(rangeAxis, peers.min(), dataArea, edge);
                    double max = x(rangeAxis, peers.max(), dataArea, edge);
                    g2.setPaint(Palette.RANGE);
                    g2.fill(new Rectangle2D.Double(min, y - band * 0.16, Math.max(1, max - min), band * 0.32));
                }
                double q1 = x(rangeAxis, peers.firstQuartile(), dataArea, edge);
                double q3 = x(rangeAxis, peers.thirdQuartile(), dataArea, edge);
                g2.setPaint(Palette.MIDDLE_HALF);
                g2.fill(new Rectangle2D.Double(q1, y - band * 0.3, Math.max(1, q3 - q1), band * 0.6));
                double median = x(rangeAxis, peers.median(), dataArea, edge);
                g2.setPaint(Palette.MEDIAN);
                g2.setStroke(new BasicStroke(3f));
                g2.draw(new Line2D.Double(median, y - band * 0.45, median, y + band * 0.45));
            }
            if (indicator.value() != null) {
                boolean below = peers != null && indicator.value() < peers.median();
                double x = x(rangeAxis, indicator.value(), dataArea, edge);
                Shape mark = (below ? DIAMOND : DOT);
                Shape placed = java.awt.geom.AffineTransform.getTranslateInstance(x, y).createTransformedShape(mark);
                g2.setPaint(below ? Palette.BELOW : Palette.HIGHLIGHT);
                g2.fill(placed);
                g2.setPaint(Color.WHITE);
                g2.setStroke(new BasicStroke(1.2f));
                g2.draw(placed);
                g2.setFont(ThaiFont.bold(12f));
                g2.setPaint(below ? Palette.BELOW : Palette.HIGHLIGHT);
                String text = Numbers.score(options, indicator.value());
                float width = (float) g2.getFontMetrics().getStringBounds(text, g2).getWidth();
                float textX = (float) (x + 10 + width > dataArea.getMaxX() ? x - 10 - width : x + 10);
                g2.drawString(text, textX, (float) (y - band * 0.5 - 1));
            }
        }

        private static double x(ValueAxis axis, double value, Rectangle2D area, RectangleEdge edge) {
            double x = axis.valueToJava2D(value, area, edge);
            return Math.max(area.getMinX(), Math.min(area.getMaxX(), x));
        }

        @Override
        public LegendItemCollection getLegendItems() {
            return new LegendItemCollection();
        }
    }
}
