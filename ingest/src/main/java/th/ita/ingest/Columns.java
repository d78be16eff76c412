package th.ita.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.thai.ThaiText;
import th.ita.ingest.source.SourceRow;

/**
 * The header of a file, read as roles: which column holds the code, the year… and whether the
 * layout is long (METRIC and VALUE columns) or wide (a column per metric).
 */
final class Columns {
    private final List<String> header;
    private final Map<ColumnRole, Integer> roles;
    private final List<Integer> metricColumns;

    private Columns(List<String> header, Map<ColumnRole, Integer> roles, List<Integer> metricColumns) {
        this.header = header;
        this.roles = roles;
        this.metricColumns = metricColumns;
    }

    static Columns of(List<String> header) {
        if (header.isEmpty()) {
            throw ItaException.invalidInput(Message.of("file.noHeader"));
        }
        Map<ColumnRole, Integer> roles = new EnumMap<>(ColumnRole.class);
        List<Integer> metricColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = ThaiText.clean(header.get(i));
            int column = i;
            ColumnRole.of(name).ifPresentOrElse(role -> {
                if (roles.putIfAbsent(role, column) != null) {
                    throw ItaException.invalidInput(Message.of("file.duplicateColumn", "column", name));
                }
            }, () -> {
                if (!name.isEmpty()) {
                    metricColumns.add(column);
                }
            });
        }
        if (!roles.containsKey(ColumnRole.YEAR)) {
            throw ItaException.invalidInput(Message.of("file.noYearColumn", "header", header.toString()));
        }
        if (!roles.containsKey(ColumnRole.ORGANIZATION_CODE) && !roles.containsKey(ColumnRole.ORGANIZATION_NAME)) {
            throw ItaException.invalidInput(Message.of("file.noOrganizationColumn"));
        }
        boolean hasMetric = roles.containsKey(ColumnRole.METRIC);
        if (hasMetric != roles.containsKey(ColumnRole.VALUE)) {
            throw ItaException.invalidInput(Message.of("file.longLayoutNeedsMetricAndValue"));
        }
        if (!hasMetric && metricColumns.isEmpty()) {
            throw ItaException.invalidInput(Message.of("file.noScoreColumns"));
        }
        return new Columns(List.copyOf(header), roles, hasMetric ? List.of() : List.copyOf(metricColumns));
    }

    int size() {
        return header.size();
    }

    boolean isLong() {
        return roles.containsKey(ColumnRole.METRIC);
    }

    int metric() {
        return roles.get(ColumnRole.METRIC);
    }

    int value() {
        return roles.get(ColumnRole.VALUE);
    }

    boolean has(ColumnRole role) {
        return roles.containsKey(role);
    }

    int index(ColumnRole role) {
        return roles.get(role);
    }

    String header(int column) {
        return ThaiText.clean(header.get(column));
    }

    /** The cell of a role, or null when the file has no such column or the row is short. */
    String cell(SourceRow row, ColumnRole role) {
        Integer column = roles.get(role);
        return column == null ? null : row.cell(column);
    }

    /** In the wide layout: the columns that are not roles, candidates for metrics. */
    List<Integer> metricColumns() {
        return metricColumns;
    }

    /** Wide columns that are not metrics of a year's framework. */
    List<Integer> unknownMetricColumns(Collection<Integer> known) {
        return metricColumns.stream().filter(column -> !known.contains(column)).toList();
    }
}
