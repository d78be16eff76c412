package th.ita.analytics.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Indicator;
import th.ita.core.framework.Tool;

/**
 * The tools and indicators a table's years are scored on, from their frameworks (never a list in code):
 * the newest year's first, in its order, then any an older year had that the newest dropped.
 */
public final class TableMetrics {
    private TableMetrics() {
    }

    public static List<String> toolCodes(ScoreTable table) {
        Set<String> codes = new LinkedHashSet<>();
        for (Framework framework : newestFirst(table)) {
            framework.tools().stream().map(Tool::code).forEach(codes::add);
        }
        return List.copyOf(codes);
    }

    public static List<String> indicatorCodes(ScoreTable table) {
        Set<String> codes = new LinkedHashSet<>();
        for (Framework framework : newestFirst(table)) {
            framework.indicators().stream().map(Indicator::code).forEach(codes::add);
        }
        return List.copyOf(codes);
    }

    private static List<Framework> newestFirst(ScoreTable table) {
        List<Framework> frameworks = new ArrayList<>();
        List<Integer> years = table.years();
        for (int i = years.size() - 1; i >= 0; i--) {
            table.framework(years.get(i)).ifPresent(frameworks::add);
        }
        return frameworks;
    }
}
