package th.ita.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Horizontal box plots, one row per indicator or province in the order given, names unrotated; the
 * organization's point in blue where it has one. Row names are sized to the rows and, when even the
 * smallest readable size does not fit, only every second (third, …) row is named: names never overprint.
 */
final class DistributionChart {
    private DistributionChart() {
    }

    static JFreeChart draw(ChartData.Distribution data, ChartOptions options) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        List<String> labels = new ArrayList<>();
        double lowest = 100;
        for (ChartData.Distribution.Box box : data.boxes()) {
            String label = box.label().text(options);
            labels.add(label);
            boxes.add(new ArrayList<>(box.values()), "spread", label);
            points.addValue(box.point(), "point", label);
            for (double value : box.values()) {
                lowest = Math.min(lowest, value);
            }
        }
        CategoryAxis names = new ThinnedCategoryAxis();
        NumberAxis scores = new NumberAxis(data.metric().text(options));
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        CategoryPlot plot = new CategoryPlot(boxes, names, scores, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LineAndShapeRenderer pointRenderer = new LineAndShapeRenderer(false, true);
        plot.setDataset(1, points);
        plot.setRenderer(1, pointRenderer);
        LegendItemCollection legend = new LegendItemCollection();
        LegendItem spread = Palette.outlinedKey(options.message("chart.legend.middleHalfOfScores"),
                new Rectangle2D.Double(-9, -5, 18, 10), Palette.RANGE);
        legend.add(spread);
        if (data.hasPoints()) {
            LegendItem point = new LegendItem(data.organization(), Palette.HIGHLIGHT);
            point.setShape(new Ellipse2D.Double(-5, -5, 10, 10));
            legend.add(point);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), plot, true));
        renderer.setSeriesPaint(0, Palette.RANGE);
        renderer.setSeriesOutlinePaint(0, Palette.MEDIAN);
        renderer.setDefaultOutlinePaint(Palette.MEDIAN);
        renderer.setArtifactPaint(Palette.MEDIAN);
        renderer.setUseOutlinePaintForWhiskers(true);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        renderer.setMeanVisible(false);
        renderer.setFillBox(true);
        renderer.setMaximumBarWidth(0.7);
        renderer.setItemMargin(0);
        renderer.setMaxOutlierVisible(true);
        pointRenderer.setSeriesPaint(0, Palette.HIGHLIGHT);
        double plotHeight = options.height() - 190.0;
        double row = plotHeight / Math.max(1, data.boxes().size());
        double dot = Math.max(5, Math.min(11, row * 0.7));
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        pointRenderer.setSeriesOutlinePaint(0, Color.WHITE);
        pointRenderer.setUseOutlinePaint(true);
        pointRenderer.setDrawOutlines(true);
        float size = (float) Math.max(8, Math.min(13, row * 0.75));
        names.setTickLabelFont(ThaiFont.regular(size));
        names.setMaximumCategoryLabelWidthRatio(0.3f);
        names.setCategoryMargin(0.15);
        names.setLowerMargin(0.005);
        names.setUpperMargin(0.005);
        ((ThinnedCategoryAxis) names).keepEvery(Math.max(1, (int) Math.ceil((size + 2) / row)), labels);
        scores.setAutoRangeIncludesZero(false);
        double lower = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
        scores.setRange(lower, 100.5);
        scores.setTickUnit(Numbers.scoreTicks(lower, 100));
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        scores.setLabelFont(ThaiFont.regular(13f));
        scores.setTickLabelFont(ThaiFont.regular(12f));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return chart;
    }

    /** A category axis that names only every n-th category, when the rows are too narrow for every name. */
    static final class ThinnedCategoryAxis extends CategoryAxis {
        private int every = 1;
        private final java.util.Map<Comparable<?>, Integer> positions = new java.util.HashMap<>();

        void keepEvery(int every, List<? extends Comparable<?>> categories) {
            this.every = Math.max(1, every);
            positions.clear();
            for (int i = 0; i < categories.size(); i++) {
                positions.put(categories.get(i), i);
            }
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width, org.jfree.chart.ui.RectangleEdge edge,
                                                           java.awt.Graphics2D g2) {
            Integer position = positions.get(category);
            if (every > 1 && position != null && position % every != 0) {
                return new org.jfree.chart.text.TextBlock();
            }
            return super.createLabel(category, width, edge, g2);
        }
    }
}
