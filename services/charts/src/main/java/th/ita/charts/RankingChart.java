package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars, best at the top, the highlighted organization in blue and named in bold, the others
 * in light grey; the score axis starts near the lowest score shown (said in the axis label), with the
 * level bands shaded behind and the 85 mark drawn.
 */
final class RankingChart {
    /** Pixels a named row needs. */
    static final int ROW = 17;
    /** Pixels of a chart that are not rows: title, subtitles, axis. */
    static final int FRAME = 190;

    private RankingChart() {
    }

    /** A category of the axis: a bar, or a gap between runs of bars (no bar). */
    private record Row(int position, ChartData.Ranking.Bar bar, String label) implements Comparable<Row> {
        @Override
        public int compareTo(Row other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static JFreeChart draw(ChartData.Ranking data, ChartOptions options) {
        int capacity = Math.max(1, (options.height() - FRAME) / ROW);
        List<ChartData.Ranking.Bar> shown = data.shown(capacity);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Row[] rows = new Row[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            ChartData.Ranking.Bar bar = shown.get(i);
            rows[i] = new Row(i, bar, bar == null ? "…" : Numbers.integer(options, bar.rank()) + ". " + bar.name());
            dataset.addValue(bar == null ? null : bar.score(), "score", rows[i]);
        }
        double lowest = shown.stream().filter(java.util.Objects::nonNull).mapToDouble(ChartData.Ranking.Bar::score).min().orElse(0);
        double lower = Math.max(0, Math.floor((lowest - 3) / 5) * 5);
        String axisLabel = lower > 0
                ? options.message("chart.axis.scoreFrom", "lower", Numbers.integer(options, (long) lower))
                : options.message("chart.axis.score");
        CategoryAxis names = new CategoryAxis(null);
        NumberAxis scores = new NumberAxis(axisLabel);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                ChartData.Ranking.Bar bar = shown.get(column);
                return bar != null && bar.highlighted() ? Palette.HIGHLIGHT : Palette.OTHERS;
            }
        };
        CategoryPlot plot = new CategoryPlot(dataset, names, scores, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), plot, false));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        renderer.setDrawBarOutline(false);
        double rowHeight = (options.height() - FRAME) / (double) Math.max(1, shown.size());
        boolean named = rowHeight >= 10;
        if (named) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", Numbers.format(options.digits(), "0.00")));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(ThaiFont.regular((float) Math.min(12, Math.max(8, rowHeight * 0.7))));
            renderer.setDefaultItemLabelPaint(Palette.TEXT);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            renderer.setItemLabelAnchorOffset(3);
        }
        names.setCategoryMargin(shown.size() > 60 ? 0.05 : 0.25);
        // The first row's height is kept free at the top for the names of the level bands.
        names.setLowerMargin(Math.min(0.2, 1.4 / Math.max(1, shown.size())));
        names.setUpperMargin(0.01);
        names.setTickLabelsVisible(named);
        names.setMaximumCategoryLabelWidthRatio(0.45f);
        names.setTickLabelFont(ThaiFont.regular((float) Math.min(13, Math.max(8, rowHeight * 0.72))));
        names.setTickLabelPaint(Palette.TEXT);
        for (Row row : rows) {
            if (row.bar() != null && row.bar().highlighted()) {
                names.setTickLabelFont(row, ThaiFont.bold((float) Math.min(14, Math.max(9, rowHeight * 0.8))));
                names.setTickLabelPaint(row, Palette.HIGHLIGHT);
            } else if (row.bar() == null) {
                names.setTickLabelPaint(row, Palette.SUBTLE_TEXT);
            }
        }
        // A little room beyond 100 for the value written after the best bar; ticks stop at 100.
        scores.setRange(lower, 100 + (100 - lower) * 0.05);
        scores.setTickUnit(Numbers.scoreTicks(lower, 100));
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        scores.setNumberFormatOverride(Numbers.format(options.digits(), "0"));
        scores.setLabelFont(ThaiFont.regular(13f));
        scores.setTickLabelFont(ThaiFont.regular(12f));
        List<ChartData.Band> bands = data.bands();
        for (int i = 0; i < bands.size(); i++) {
            double upper = i == 0 ? 100 : bands.get(i - 1).min();
            if (upper <= lower) {
                continue;
            }
            IntervalMarker band = new IntervalMarker(Math.max(lower, bands.get(i).min()), upper, i % 2 == 0 ? Palette.BAND_SHADE : Color.WHITE);
            band.setLabel(options.text(bands.get(i).nameTh(), bands.get(i).nameEn()));
            band.setLabelFont(ThaiFont.regular(11f));
            band.setLabelPaint(Palette.SUBTLE_TEXT);
            band.setLabelAnchor(RectangleAnchor.TOP);
            band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            band.setLabelOffset(new RectangleInsets(2, 0, 0, 0));
            band.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addRangeMarker(band, Layer.BACKGROUND);
        }
        if (lower < 85) {
            ValueMarker pass = new ValueMarker(85, Palette.MEDIAN, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            pass.setLabel(Numbers.integer(options, 85));
            pass.setLabelFont(ThaiFont.bold(12f));
            pass.setLabelPaint(Palette.MEDIAN);
            pass.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            pass.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            pass.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addRangeMarker(pass, Layer.FOREGROUND);
        }
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        data.bars().stream().filter(ChartData.Ranking.Bar::highlighted).findFirst().ifPresent(highlighted -> chart.addSubtitle(new TextTitle(
                options.message("chart.ranking.highlight", "name", highlighted.name(), "rank", Numbers.integer(options, highlighted.rank()),
                        "size", Numbers.integer(options, data.bars().size()), "score", Numbers.score(options, highlighted.score())),
                ThaiFont.bold(14f), Palette.HIGHLIGHT, RectangleEdge.TOP, HorizontalAlignment.CENTER, VerticalAlignment.CENTER, new RectangleInsets(2, 2, 4, 2))));
        if (shown.size() < data.bars().size()) {
            TextTitle note = new TextTitle(options.message("chart.ranking.shown", "shown", Numbers.integer(options, shown.stream().filter(java.util.Objects::nonNull).count()),
                    "size", Numbers.integer(options, data.bars().size())),
                    ThaiFont.regular(11f), Palette.SUBTLE_TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.RIGHT, VerticalAlignment.CENTER, new RectangleInsets(4, 2, 0, 2));
            chart.addSubtitle(note);
        }
        return chart;
    }
}
