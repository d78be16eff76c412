package th.ita.dashboards.web;

import java.util.Locale;

/** Scores as the reports print them: two decimals, a dash when there is none. */
public final class Numbers {
    private Numbers() {
    }

    public static String two(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String two(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A change with its sign: +1.25, −0.40. */
    public static String signed(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + String.format(Locale.ROOT, "%.2f", Math.abs(value));
    }

    /** A rank change: ▲3 (moved up), ▼2, or – when unchanged or unknown. */
    public static String rankChange(Integer change) {
        if (change == null || change == 0) {
            return change == null ? "–" : "0";
        }
        return (change > 0 ? "▲" : "▼") + Math.abs(change);
    }

    /** A share given in percent (0–100). */
    public static String percent(Double percent) {
        return percent == null || percent.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
