package th.ita.charts;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * The colours of every chart: safe for the common colour-vision deficiencies (the Okabe–Ito and
 * ColorBrewer sets), with enough contrast against white, and honest — red and orange only for what is
 * bad (below a pass, a lower level), blue for what is good or neutral, grey for context.
 */
final class Palette {
    /** The organization a chart is about. */
    static final Color HIGHLIGHT = new Color(0x0072B2);
    /** Everyone else: a light grey, so the highlighted bar stands out in any colour vision. */
    static final Color OTHERS = new Color(0xC8D0D8);
    /** Below the peers' median: vermillion, drawn with another shape too. */
    static final Color BELOW = new Color(0xD55E00);
    /** Medians, reference lines and secondary text. */
    static final Color MEDIAN = new Color(0x4D4D4D);
    static final Color TEXT = new Color(0x222222);
    static final Color SUBTLE_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xDADDE1);
    /** The peers' spread: the full range light, the middle half darker. */
    static final Color RANGE = new Color(0xD9DEE3);
    static final Color MIDDLE_HALF = new Color(0x9AA6B2);
    static final Color BAND_SHADE = new Color(0xF3F5F7);

    /** The pass levels of 2567 onwards, best first (ColorBrewer RdBu: blue good, red bad). */
    private static final List<Color> PASS_LEVELS = List.of(new Color(0x2166AC), new Color(0x67A9CF), new Color(0xC6DBEF),
            new Color(0xF4A582), new Color(0xB2182B));
    /** The letter grades up to 2566, best first (ColorBrewer BrBG: teal good, brown bad), apart from the pass levels. */
    private static final List<Color> LETTER_GRADES = List.of(new Color(0x01665E), new Color(0x35978F), new Color(0x80CDC1),
            new Color(0xC7EAE5), new Color(0xF6E8C3), new Color(0xDFC27D), new Color(0x8C510A));
    private static final Map<String, List<Color>> BY_SCHEME = Map.of("pass-levels-2567", PASS_LEVELS, "letter-grades-2561", LETTER_GRADES);

    private Palette() {
    }

    /**
     * The colour of level {@code index} (0 = best) of a scheme of {@code size} levels: one colour per
     * level, from the scheme's own ramp; a scheme not known here spreads over the pass-level ramp.
     */
    static Color level(String scheme, int index, int size) {
        List<Color> ramp = BY_SCHEME.get(scheme);
        if (ramp != null && size == ramp.size()) {
            return ramp.get(index);
        }
        List<Color> colors = ramp == null ? PASS_LEVELS : ramp;
        double position = size <= 1 ? 0 : index * (colors.size() - 1.0) / (size - 1.0);
        int lower = (int) Math.floor(position);
        int upper = Math.min(colors.size() - 1, lower + 1);
        return mix(colors.get(lower), colors.get(upper), position - lower);
    }

    /**
     * A score's colour on a scale fitted to the data, diverging at 85 (the pass mark): orange to red
     * below it, light to dark blue from it up to 100.
     */
    static Color score(double value, double lowest) {
        double pass = 85;
        if (value < pass) {
            double bottom = Math.min(lowest, pass - 5);
            double t = (pass - value) / (pass - bottom);
            return mix(new Color(0xFDDBC7), new Color(0xB2182B), Math.max(0, Math.min(1, t)));
        }
        double top = 100;
        double from = Math.max(pass, Math.min(lowest, top - 5));
        double t = (value - from) / (top - from);
        return mix(new Color(0xDEEBF7), new Color(0x08306B), Math.max(0, Math.min(1, t)));
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t), (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** The WCAG contrast ratio of two colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** A key entry: a filled shape with a thin grey outline, so light fills still show on white. */
    static org.jfree.chart.LegendItem outlinedKey(String label, java.awt.Shape shape, Color fill) {
        java.awt.Shape noLine = new java.awt.geom.Line2D.Double();
        return new org.jfree.chart.LegendItem(label, null, null, null, true, shape, true, fill, true, MEDIAN, new java.awt.BasicStroke(0.6f),
                false, noLine, new java.awt.BasicStroke(0f), fill);
    }

    /** Black or white, whichever reads better on a fill. */
    static Color textOn(Color fill) {
        return contrast(fill, Color.WHITE) >= contrast(fill, TEXT) ? Color.WHITE : TEXT;
    }
}
