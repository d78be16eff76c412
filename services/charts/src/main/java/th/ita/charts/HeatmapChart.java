package th.ita.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * Organizations (rows, named) × indicators (columns, names written across in up to three lines), each
 * cell coloured by its score on a scale fitted to the data and diverging at 85: blue from 85 up, orange
 * to red below. The colour key beside it covers only the range of the data. The highlighted
 * organization's row is outlined and its name in bold.
 */
final class HeatmapChart {
    private HeatmapChart() {
    }

    static JFreeChart draw(ChartData.Heatmap data, ChartOptions options) {
        return DrawCharts.themed(new JFreeChart(null, ThaiFont.bold(18f), new Grid(data, options), false));
    }

    /** The lowest value of the colour key: the data's lowest score rounded down to 5 (at most 95). */
    static double keyFloor(ChartData.Heatmap data) {
        double[] range = data.range();
        return Double.isNaN(range[0]) ? 85 : Math.min(95, Math.floor(range[0] / 5) * 5);
    }

    static final class Grid extends Plot {
        private final transient ChartData.Heatmap data;
        private final transient ChartOptions options;

        Grid(ChartData.Heatmap data, ChartOptions options) {
            this.data = data;
            this.options = options;
            setOutlineVisible(false);
        }

        @Override
        public String getPlotType() {
            return "Heatmap";
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
            int rows = data.organizations().size();
            int columns = data.indicators().size();
            double floor = keyFloor(data);
            double keyWidth = 70;
            Font headerFont = ThaiFont.regular(11f);
            double namesWidth = Math.min(area.getWidth() * 0.3, 40 + widest(g2, ThaiFont.bold(11f), data.organizations()));
            double gridWidth = area.getWidth() - namesWidth - keyWidth;
            double cellWidth = gridWidth / Math.max(1, columns);
            List<List<String>> headers = new ArrayList<>();
            int headerLines = 1;
            for (ChartData.Label indicator : data.indicators()) {
                List<String> lines = wrap(g2, headerFont, indicator.text(options), cellWidth - 4, 3);
                headers.add(lines);
                headerLines = Math.max(headerLines, lines.size());
            }
            double lineHeight = g2.getFontMetrics(headerFont).getHeight();
            double headerHeight = headerLines * lineHeight + 8;
            double top = area.getY() + headerHeight;
            double cellHeight = (area.getHeight() - headerHeight) / Math.max(1, rows);
            float nameSize = (float) Math.max(7, Math.min(12, cellHeight * 0.78));
            int every = Math.max(1, (int) Math.ceil((nameSize + 1) / cellHeight));
            double left = area.getX() + namesWidth;
            g2.setFont(headerFont);
            g2.setPaint(Palette.TEXT);
            FontMetrics headerMetrics = g2.getFontMetrics();
            for (int c = 0; c < columns; c++) {
                List<String> lines = headers.get(c);
                double y = top - 4 - (lines.size() - 1) * lineHeight - headerMetrics.getDescent();
                for (String line : lines) {
                    double width = headerMetrics.getStringBounds(line, g2).getWidth();
                    g2.drawString(line, (float) (left + c * cellWidth + (cellWidth - width) / 2), (float) y);
                    y += lineHeight;
                }
            }
            Font cellFont = ThaiFont.regular((float) Math.min(11, cellHeight * 0.72));
            boolean valuesFit = cellHeight >= 11 && cellWidth >= 34;
            int highlightedRow = data.highlighted() == null ? -1 : data.organizations().indexOf(data.highlighted());
            for (int r = 0; r < rows; r++) {
                double y = top + r * cellHeight;
                for (int c = 0; c < columns; c++) {
                    double value = data.values()[r][c];
                    Color fill = Double.isNaN(value) ? new Color(0xF2F2F2) : Palette.score(value, floor);
                    g2.setPaint(fill);
                    Rectangle2D cell = new Rectangle2D.Double(left + c * cellWidth, y, cellWidth, cellHeight);
                    g2.fill(cell);
                    g2.setPaint(Color.WHITE);
                    g2.setStroke(new BasicStroke(cellHeight > 6 ? 1f : 0.4f));
                    g2.draw(cell);
                    if (valuesFit) {
                        String text = Double.isNaN(value) ? "–" : Numbers.format(options.digits(), "0.0").format(value);
                        g2.setFont(cellFont);
                        g2.setPaint(Double.isNaN(value) ? Palette.SUBTLE_TEXT : Palette.textOn(fill));
                        FontMetrics metrics = g2.getFontMetrics();
                        double width = metrics.getStringBounds(text, g2).getWidth();
                        g2.drawString(text, (float) (cell.getCenterX() - width / 2), (float) (cell.getCenterY() + metrics.getAscent() / 2.0 - 1));
                    }
                }
                if (r % every == 0 || r == highlightedRow) {
                    boolean highlighted = r == highlightedRow;
                    g2.setFont(highlighted ? ThaiFont.bold(nameSize) : ThaiFont.regular(nameSize));
                    g2.setPaint(highlighted ? Palette.HIGHLIGHT : Palette.TEXT);
                    FontMetrics metrics = g2.getFontMetrics();
                    String name = fit(g2, Numbers.integer(options, r + 1) + ". " + data.organizations().get(r), namesWidth - 8);
                    double width = metrics.getStringBounds(name, g2).getWidth();
                    g2.drawString(name, (float) (left - 6 - width), (float) (y + cellHeight / 2 + metrics.getAscent() / 2.0 - 1));
                }
            }
            if (highlightedRow >= 0) {
                g2.setPaint(Palette.TEXT);
                g2.setStroke(new BasicStroke(2.2f));
                g2.draw(new Rectangle2D.Double(left - 1, top + highlightedRow * cellHeight - 1, gridWidth + 2, cellHeight + 2));
            }
            drawKey(g2, new Rectangle2D.Double(left + gridWidth + 14, top, 16, Math.min(area.getHeight() - headerHeight, 360)), floor);
        }

        /** The colour key: a strip from the key's floor to 100, ticks every 5. */
        private void drawKey(Graphics2D g2, Rectangle2D strip, double floor) {
            int steps = 100;
            for (int i = 0; i < steps; i++) {
                double value = 100 - (100 - floor) * (i + 0.5) / steps;
                g2.setPaint(Palette.score(value, floor));
                g2.fill(new Rectangle2D.Double(strip.getX(), strip.getY() + strip.getHeight() * i / steps, strip.getWidth(), strip.getHeight() / steps + 0.5));
            }
            g2.setPaint(Palette.MEDIAN);
            g2.setStroke(new BasicStroke(0.8f));
            g2.draw(strip);
            g2.setFont(ThaiFont.regular(11f));
            FontMetrics metrics = g2.getFontMetrics();
            double step = 100 - floor > 30 ? 10 : 5;
            for (double value = 100; value >= floor - 1e-9; value -= step) {
                double y = strip.getY() + strip.getHeight() * (100 - value) / (100 - floor);
                g2.draw(new java.awt.geom.Line2D.Double(strip.getMaxX(), y, strip.getMaxX() + 4, y));
                g2.drawString(Numbers.integer(options, Math.round(value)), (float) (strip.getMaxX() + 6), (float) (y + metrics.getAscent() / 2.0 - 1));
            }
            g2.setFont(ThaiFont.bold(11f));
            g2.drawString(options.message("chart.axis.score"), (float) strip.getX() - 2, (float) (strip.getY() - 6));
        }

        private static double widest(Graphics2D g2, Font font, List<String> texts) {
            FontMetrics metrics = g2.getFontMetrics(font);
            double widest = 0;
            for (String text : texts) {
                widest = Math.max(widest, metrics.getStringBounds(text, g2).getWidth());
            }
            return widest;
        }

        /** The text cut with an ellipsis to fit a width. */
        private static String fit(Graphics2D g2, String text, double width) {
            FontMetrics metrics = g2.getFontMetrics();
            if (metrics.getStringBounds(text, g2).getWidth() <= width) {
                return text;
            }
            String cut = text;
            while (cut.length() > 1 && metrics.getStringBounds(cut + "…", g2).getWidth() > width) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "…";
        }

        /** Words (Thai has no spaces: by character runs) wrapped into at most {@code maxLines} lines of a width. */
        static List<String> wrap(Graphics2D g2, Font font, String text, double width, int maxLines) {
            FontMetrics metrics = g2.getFontMetrics(font);
            List<String> lines = new ArrayList<>();
            java.text.BreakIterator words = java.text.BreakIterator.getLineInstance(new java.util.Locale("th"));
            words.setText(text);
            StringBuilder line = new StringBuilder();
            int start = words.first();
            for (int end = words.next(); end != java.text.BreakIterator.DONE; start = end, end = words.next()) {
                String word = text.substring(start, end);
                if (line.length() > 0 && metrics.getStringBounds(line + word, g2).getWidth() > width) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                }
                line.append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString().strip());
            }
            if (lines.size() > maxLines) {
                List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
                kept.set(maxLines - 1, kept.get(maxLines - 1) + "…");
                return kept;
            }
            return lines;
        }
    }
}
