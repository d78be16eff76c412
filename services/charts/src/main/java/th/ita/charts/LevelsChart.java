package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Stacked levels per group, best level first, one colour per level from each scheme's own ramp (the
 * letter grades teal to brown, the pass levels blue to red), so that the two schemes read apart and
 * each is drawn in its own panel with its own key. Shares (100 % stacked) when the groups differ in
 * size, counts otherwise; many groups (77 provinces) as horizontal bars.
 */
final class LevelsChart {
    /** From this many groups on, bars are horizontal so that every group's name can be read. */
    static final int HORIZONTAL_FROM = 12;

    private LevelsChart() {
    }

    static JFreeChart draw(ChartData.Levels data, ChartOptions options) {
        boolean shares = data.asShares();
        boolean horizontal = data.groups().size() > HORIZONTAL_FROM;
        NumberAxis values = new NumberAxis(options.message(shares ? "chart.axis.shareOfOrganizations" : "chart.axis.organizations"));
        values.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (shares) {
            values.setRange(0, 100);
        }
        CombinedRangeCategoryPlot combined = new CombinedRangeCategoryPlot(values);
        combined.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        combined.setGap(24);
        List<String> schemes = data.schemes();
        LegendItemCollection[] keys = new LegendItemCollection[schemes.size()];
        for (int s = 0; s < schemes.size(); s++) {
            String scheme = schemes.get(s);
            List<ChartData.Levels.Level> levels = data.levelsOf(scheme);
            DefaultCategoryDataset dataset = new DefaultCategoryDataset();
            int groups = 0;
            for (ChartData.Levels.Group group : data.groups()) {
                if (!group.scheme().equals(scheme)) {
                    continue;
                }
                groups++;
                double size = Math.max(1, group.size());
                for (ChartData.Levels.Level level : levels) {
                    int count = group.counts().getOrDefault(level.code(), 0);
                    dataset.addValue(shares ? 100.0 * count / size : count, level.name().text(options), Numbers.digits(options, group.label().text(options)));
                }
            }
            StackedBarRenderer renderer = new StackedBarRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(true);
            renderer.setDefaultOutlinePaint(Color.WHITE);
            renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
            renderer.setMaximumBarWidth(horizontal ? 1 : 0.12);
            LegendItemCollection key = new LegendItemCollection();
            for (int l = 0; l < levels.size(); l++) {
                Color color = Palette.level(scheme, l, levels.size());
                key.add(Palette.outlinedKey(levels.get(l).name().text(options), new Rectangle2D.Double(-7, -7, 14, 14), color));
            }
            keys[s] = key;
            CategoryAxis names = new CategoryAxis(schemes.size() > 1 ? schemeName(scheme, options) : null);
            names.setCategoryMargin(horizontal ? 0.12 : 0.25);
            names.setLowerMargin(horizontal ? 0.005 : 0.05);
            names.setUpperMargin(horizontal ? 0.005 : 0.05);
            CategoryPlot plot = new CategoryPlot(dataset, names, null, renderer);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinePaint(Palette.GRID);
            plot.setOutlineVisible(false);
            combined.add(plot, Math.max(1, groups));
        }
        JFreeChart chart = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), combined, false));
        double rows = horizontal ? (options.height() - 210.0) / Math.max(1, data.groups().size()) : 30;
        float nameSize = (float) Math.max(8, Math.min(13, rows * 0.75));
        for (Object plot : combined.getSubplots()) {
            // After the theme, which clears series paints.
            StackedBarRenderer renderer = (StackedBarRenderer) ((CategoryPlot) plot).getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(true);
            String scheme = schemes.get(combined.getSubplots().indexOf(plot));
            List<ChartData.Levels.Level> levels = data.levelsOf(scheme);
            for (int l = 0; l < levels.size(); l++) {
                renderer.setSeriesPaint(l, Palette.level(scheme, l, levels.size()));
                renderer.setSeriesOutlinePaint(l, Color.WHITE);
                renderer.setSeriesOutlineStroke(l, new BasicStroke(0.8f));
            }
            CategoryAxis names = ((CategoryPlot) plot).getDomainAxis();
            names.setTickLabelFont(ThaiFont.regular(nameSize));
            names.setLabelFont(ThaiFont.bold(12f));
        }
        values.setLabelFont(ThaiFont.regular(13f));
        if (horizontal) {
            combined.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        }
        values.setTickLabelFont(ThaiFont.regular(12f));
        // Subtitles at the bottom stack outwards: the last added is the lowest, so the first scheme's key is added last.
        for (int s = schemes.size() - 1; s >= 0; s--) {
            LegendItemCollection key = keys[s];
            LegendTitle legend = new LegendTitle(() -> key);
            legend.setItemFont(ThaiFont.regular(12f));
            legend.setItemPaint(Palette.TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setMargin(new RectangleInsets(2, 4, 2, 4));
            if (schemes.size() > 1) {
                org.jfree.chart.block.BlockContainer container = new org.jfree.chart.block.BlockContainer(new org.jfree.chart.block.FlowArrangement());
                container.add(new org.jfree.chart.block.LabelBlock(schemeName(schemes.get(s), options) + ":", ThaiFont.bold(12f), Palette.TEXT));
                container.add(legend);
                org.jfree.chart.title.CompositeTitle title = new org.jfree.chart.title.CompositeTitle(container);
                title.setPosition(RectangleEdge.BOTTOM);
                chart.addSubtitle(title);
            } else {
                chart.addSubtitle(legend);
            }
        }
        return chart;
    }

    /** The name of a scheme as a reader knows it. */
    static String schemeName(String scheme, ChartOptions options) {
        if (scheme.startsWith("letter-grades")) {
            return Numbers.digits(options, options.message("chart.levels.scheme.grades"));
        }
        if (scheme.startsWith("pass-levels")) {
            return Numbers.digits(options, options.message("chart.levels.scheme.passLevels"));
        }
        return scheme;
    }
}
