package th.ita.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;

/**
 * A generated dataset read back, and the national figures the README reports, computed by hand
 * (means, population standard deviations, Pearson correlations). {@link #main} prints them.
 */
public final class DatasetFigures {
    private static final Pattern TWO_DECIMALS = Pattern.compile("\\d{1,3}\\.\\d{2}");

    final List<String> header;
    final Map<String, Integer> columns = new HashMap<>();
    final List<Row> rows = new ArrayList<>();
    /** Metric cells that are not a number with exactly two decimals in 0–100, as "line:column:value". */
    final List<String> malformedCells = new ArrayList<>();

    /** One row; {@code values} by metric column (header order, after the organization columns), NaN where empty. */
    record Row(String code, String name, String type, String province, String district, int year, double[] values, String level) {
    }

    DatasetFigures(String csv) {
        try {
            Iterator<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).iterator();
            header = records.next().toList();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            int first = GenerateNationalDataset.ORGANIZATION_COLUMNS.size();
            int last = header.size() - 1;
            for (int line = 1; records.hasNext(); line++) {
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    throw new IllegalStateException("line " + (line + 1) + " has " + record.size() + " cells, the header " + header.size());
                }
                double[] values = new double[last - first];
                for (int column = first; column < last; column++) {
                    String cell = record.get(column);
                    if (cell.isEmpty()) {
                        values[column - first] = Double.NaN;
                        continue;
                    }
                    values[column - first] = Double.parseDouble(cell);
                    if (!TWO_DECIMALS.matcher(cell).matches() || values[column - first] > 100) {
                        malformedCells.add((line + 1) + ":" + header.get(column) + ":" + cell);
                    }
                }
                rows.add(new Row(record.get(0), record.get(1), record.get(2), record.get(3), record.get(4), Integer.parseInt(record.get(5)), values,
                        record.get(last)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a metric in a row, NaN when empty. */
    double value(Row row, String metric) {
        return row.values()[columns.get(metric) - GenerateNationalDataset.ORGANIZATION_COLUMNS.size()];
    }

    List<Row> rowsOf(int year) {
        return rows.stream().filter(row -> row.year() == year).toList();
    }

    List<Integer> years() {
        return rows.stream().map(Row::year).distinct().sorted().toList();
    }

    YearFigures figures(int year) {
        List<Row> rows = rowsOf(year);
        double[] totals = values(rows, "total");
        return new YearFigures(year, rows.size(), mean(totals), sd(totals), mean(values(rows, "IIT")), sd(values(rows, "IIT")),
                mean(values(rows, "EIT")), sd(values(rows, "EIT")), mean(values(rows, "OIT")), sd(values(rows, "OIT")),
                Arrays.stream(totals).filter(total -> total >= 85).count() / (double) totals.length,
                Arrays.stream(totals).filter(total -> total < 55).count(), lagOneCorrelation(year));
    }

    /** Pearson correlation of organizations' totals in {@code year} and the year before; NaN for the first year. */
    double lagOneCorrelation(int year) {
        Map<String, Double> before = new HashMap<>();
        rowsOf(year - 1).forEach(row -> before.put(row.code(), value(row, "total")));
        List<double[]> pairs = new ArrayList<>();
        for (Row row : rowsOf(year)) {
            Double previous = before.get(row.code());
            if (previous != null && !previous.isNaN() && !Double.isNaN(value(row, "total"))) {
                pairs.add(new double[] {previous, value(row, "total")});
            }
        }
        if (pairs.isEmpty()) {
            return Double.NaN;
        }
        double[] x = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
        double[] y = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Organizations by type abbreviation, counting each code once. */
    Map<String, Integer> organizationsByType() {
        Map<String, String> typeByCode = new LinkedHashMap<>();
        rows.forEach(row -> typeByCode.putIfAbsent(row.code(), row.type()));
        Map<String, Integer> counts = new TreeMap<>();
        typeByCode.values().forEach(type -> counts.merge(type, 1, Integer::sum));
        return counts;
    }

    double[] values(List<Row> rows, String metric) {
        return rows.stream().mapToDouble(row -> value(row, metric)).filter(value -> !Double.isNaN(value)).toArray();
    }

    static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum() / values.length);
    }

    record YearFigures(int year, int organizations, double meanTotal, double sdTotal, double meanIit, double sdIit, double meanEit, double sdEit,
            double meanOit, double sdOit, double shareAtLeast85, long below55, double lagOneCorrelation) {
        String markdown() {
            return String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %.1f %% | %d | %s |",
                    year, ScoreModel.targetTotal(year), meanTotal, sdTotal, meanIit, sdIit, meanEit, sdEit, meanOit, sdOit, 100 * shareAtLeast85, below55,
                    Double.isNaN(lagOneCorrelation) ? "–" : String.format(Locale.ROOT, "%.2f", lagOneCorrelation));
        }
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("| year | target mean | mean | sd | IIT mean ± sd | EIT mean ± sd | OIT mean ± sd | share ≥ 85 | below 55 | corr. with year before |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        years().forEach(year -> text.append(figures(year).markdown()).append('\n'));
        text.append('\n').append("| year | organizations by level |\n|---|---|\n");
        for (int year : years()) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            rowsOf(year).forEach(row -> levels.merge(row.level(), 1, Integer::sum));
            text.append("| ").append(year).append(" | ");
            levels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(level -> text.append(level.getKey()).append(' ').append(level.getValue()).append(" · "));
            text.setLength(text.length() - 3);
            text.append(" |\n");
        }
        text.append('\n').append("| type | organizations |\n|---|---|\n");
        organizationsByType().forEach((type, count) -> text.append("| ").append(type).append(" | ").append(count).append(" |\n"));
        return text.toString();
    }

    /** Generates the national dataset 2561–2568 and prints its figures (for the README). */
    public static void main(String[] args) throws IOException {
        StringWriter out = new StringWriter(16 << 20);
        long started = System.nanoTime();
        GenerateNationalDataset.Summary summary = new GenerateNationalDataset(Geography.bundled(), Frameworks.bundled()).writeWideCsv(out, 2561, 2568);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(summary + " in " + millis + " ms, " + out.getBuffer().length() + " characters");
        System.out.println(new DatasetFigures(out.toString()).markdown());
    }
}
