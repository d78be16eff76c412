package th.ita.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One command per figure of BENCHMARKS.md, each measuring the platform beside a DuckDB peer on the same data:
 * <pre>
 *   java -jar services/benchmarks/target/ita-benchmarks.jar FIGURE [options]
 * </pre>
 * Figures register themselves in {@link #FIGURES}; {@code help} lists them.
 */
public final class Benchmarks {
    /** A benchmark command: its arguments after the figure's name; returns the process exit code. */
    public interface Figure {
        String summary();

        int run(String[] args) throws Exception;
    }

    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("ingest", IngestFigure.ingest());
        FIGURES.put("storage", IngestFigure.storage());
        FIGURES.put("table", new TableFigure());
        FIGURES.put("analytics", new AnalyticsFigure());
        FIGURES.put("charts", new ChartsFigure());
        FIGURES.put("http", new HttpFigure());
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !FIGURES.containsKey(args[0])) {
            usage();
            System.exit(args.length == 0 || args[0].equals("help") ? 0 : 2);
        }
        System.exit(FIGURES.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length)));
    }

    private static void usage() {
        System.out.println("usage: java -jar services/benchmarks/target/ita-benchmarks.jar FIGURE [options]");
        System.out.println("figures:");
        FIGURES.forEach((name, figure) -> System.out.printf("  %-12s %s%n", name, figure.summary()));
    }
}
