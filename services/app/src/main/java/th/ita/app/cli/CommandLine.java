package th.ita.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.ita.app.demo.DemoDataset;
import th.ita.core.batch.RowError;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;
import th.ita.ingest.source.FileFormat;
import th.ita.ingest.source.SourceFile;

/**
 * The platform's commands, over the same code as the HTTP endpoints:
 * <pre>
 *   ingest --tenant T [--format csv|xlsx|json] [--encoding utf-8|tis-620] FILE…
 *   generate-demo DIRECTORY
 *   benchmark-ingest [--data-dir DIR]
 * </pre>
 */
public final class CommandLine {
    private static final Set<String> COMMANDS = Set.of("ingest", "generate-demo", "benchmark-ingest", "benchmark-analytics", "render-charts", "benchmark-charts", "benchmark-reports", "help",
            "--help");

    private CommandLine() {
    }

    public static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    public static int run(String[] args) {
        try {
            return switch (args[0]) {
                case "ingest" -> ingest(args);
                case "generate-demo" -> generateDemo(args);
                case "benchmark-ingest" -> benchmarkIngest(args);
                case "benchmark-analytics" -> AnalyticsBenchmark.run(args);
                case "render-charts" -> renderCharts(args);
                case "benchmark-charts" -> ChartCommands.benchmark();
                case "benchmark-reports" -> ReportsBenchmark.run(args);
                default -> usage(System.out);
            };
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            return 2;
        } catch (ItaException e) {
            System.err.println("error (" + e.code() + "): " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out) {
        out.println("""
                usage:
                  java -jar ita-app.jar                      start the platform (HTTP)
                  java -jar ita-app.jar ingest --tenant T [--format csv|xlsx|json] [--encoding utf-8|tis-620] FILE...
                  java -jar ita-app.jar generate-demo DIRECTORY
                  java -jar ita-app.jar benchmark-ingest [--data-dir DIR]
                  java -jar ita-app.jar benchmark-analytics [--tenant demo]   (on the configured store, e.g. after a first start)
                  java -jar ita-app.jar render-charts --tenant demo --province 57 --year 2568 [--kind ranking|profile|trend] [--format png|svg] [--out DIR]
                  java -jar ita-app.jar benchmark-charts
                  java -jar ita-app.jar benchmark-reports [--tenant demo] [--province 57] [--year 2568]   (on the configured store)
                settings come from application.yml and the environment (ITA_DATA_DIR, DATASOURCES_DEFAULT_URL, ...)""");
        return 0;
    }

    private static int ingest(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        parse(args, options, files, Set.of("--tenant", "--format", "--encoding"));
        String tenant = Optional.ofNullable(options.get("--tenant")).orElseThrow(() -> new UsageException("--tenant is required"));
        if (files.isEmpty()) {
            throw new UsageException("give at least one file");
        }
        Optional<FileFormat> format = Optional.ofNullable(options.get("--format")).map(f -> FileFormat.valueOf(f.toUpperCase(Locale.ROOT)));
        Optional<Charset> charset = Optional.ofNullable(options.get("--encoding"))
                .map(e -> e.equalsIgnoreCase("tis-620") || e.equalsIgnoreCase("windows-874") ? SourceFile.THAI_SINGLE_BYTE : Charset.forName(e));
        int failures = 0;
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            IngestScores ingest = context.getBean(IngestScores.class);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    System.err.println(file + ": no such file");
                    failures++;
                    continue;
                }
                ProgressBar bar = new ProgressBar(System.err, file.getFileName().toString());
                try {
                    IngestReport report = ingest.ingest(TenantId.of(tenant), file, file.getFileName().toString(),
                            new IngestOptions(format, charset, IngestOptions.DEFAULT_MAX_STORED_ERRORS), bar);
                    bar.done();
                    print(report);
                    failures += report.batch().status().name().equals("FAILED") ? 1 : 0;
                } catch (ItaException e) {
                    bar.done();
                    System.err.println(file + ": " + e.getMessage());
                    failures++;
                }
            }
            // The analytics table and its snapshot now, so the platform's next start reads the snapshot instead of rebuilding it.
            context.getBean(th.ita.app.access.TenantTables.class).table(TenantId.of(tenant));
        }
        return failures == 0 ? 0 : 1;
    }

    private static void print(IngestReport report) {
        var batch = report.batch();
        if (report.alreadyLoaded()) {
            System.out.printf("%s: already loaded as batch %d on %s; nothing changed%n", batch.fileName(), batch.id(), batch.finishedAt());
            return;
        }
        System.out.printf("%s: batch %d %s — %,d rows read, %,d scores accepted, %,d derived, %,d rows rejected, %,d findings, %,d org-years%n",
                batch.fileName(), batch.id(), batch.status(), batch.rowsRead(), batch.scoresAccepted(), batch.scoresDerived(),
                batch.rowsRejected(), batch.findings(), batch.orgYears());
        if (batch.failure() != null) {
            System.out.println("  " + batch.failure().in(th.ita.core.message.Language.TH));
        }
        for (RowError error : report.firstErrors().subList(0, Math.min(20, report.firstErrors().size()))) {
            System.out.printf("  line %d, column %s, value '%s': %s (%s)%n", error.line(), error.column(), error.value(), error.message(), error.code());
        }
        if (batch.rowsRejected() > 20) {
            System.out.println("  … all row errors: GET /api/tenants/" + batch.tenant() + "/batches/" + batch.id() + "/errors");
        }
    }

    private static int renderCharts(String[] args) {
        Map<String, String> options = new HashMap<>();
        parse(args, options, new ArrayList<>(), Set.of("--tenant", "--province", "--year", "--kind", "--format", "--out"));
        return ChartCommands.render(options);
    }

    private static int generateDemo(String[] args) {
        if (args.length != 2) {
            throw new UsageException("generate-demo takes one directory");
        }
        Path file = DemoDataset.file(Path.of(args[1]), Geography.bundled(), Frameworks.bundled());
        System.out.println(file);
        return 0;
    }

    /**
     * Ingests the national demo dataset (all years) into a fresh embedded store and prints score rows
     * per second and peak heap. Generating the file is not timed.
     */
    private static int benchmarkIngest(String[] args) {
        Map<String, String> options = new HashMap<>();
        parse(args, options, new ArrayList<>(), Set.of("--data-dir"));
        try {
            Path dataDirectory = options.containsKey("--data-dir") ? Path.of(options.get("--data-dir")) : Files.createTempDirectory("ita-benchmark-");
            Path file = DemoDataset.file(dataDirectory.resolve("demo"), Geography.bundled(), Frameworks.bundled());
            Path database = dataDirectory.resolve("db-" + System.nanoTime());
            Map<String, Object> properties = Map.of("ita.demo.load-on-start", false, "ita.data-directory", database.toString());
            try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
                IngestScores ingest = context.getBean(IngestScores.class);
                System.gc();
                resetPeakHeap();
                long heapBefore = usedHeap();
                long started = System.nanoTime();
                long[] readDone = new long[1];
                IngestReport report = ingest.ingest(TenantId.of("benchmark"), file, file.getFileName().toString(), IngestOptions.detect(),
                        (bytes, total, rows) -> readDone[0] = System.nanoTime());
                double seconds = (System.nanoTime() - started) / 1e9;
                long scoreRows = report.batch().scoresAccepted() + report.batch().scoresDerived();
                System.out.printf(Locale.ROOT, "file: %s (%.1f MB, %,d rows)%n", file, Files.size(file) / 1e6, report.batch().rowsRead());
                System.out.printf(Locale.ROOT, "stored: %,d score rows (%,d reported + %,d derived), %,d findings, %,d org-years%n",
                        scoreRows, report.batch().scoresAccepted(), report.batch().scoresDerived(), report.batch().findings(), report.batch().orgYears());
                System.out.printf(Locale.ROOT, "time: %.2f s (reading and checking %.2f s, deriving and storing %.2f s) -> %,.0f score rows per second%n",
                        seconds, (readDone[0] - started) / 1e9, seconds - (readDone[0] - started) / 1e9, scoreRows / seconds);
                System.out.printf(Locale.ROOT, "heap: %.0f MB used before, %.0f MB peak during ingestion (max heap %.0f MB)%n",
                        heapBefore / 1e6, peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            }
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void parse(String[] args, Map<String, String> options, List<Path> files, Set<String> known) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!known.contains(args[i]) || i + 1 >= args.length) {
                    throw new UsageException("unknown option or missing value: " + args[i]);
                }
                options.put(args[i], args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
