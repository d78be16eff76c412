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
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
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
 * What a user reads is Thai unless {@code --lang en} or an English locale asks otherwise ({@link CliLanguage}),
 * from the catalog ({@code cli.*}). The benchmarks print their figures in English, for BENCHMARKS.md.
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
        CliLanguage cli = CliLanguage.of(args, System.getenv());
        Language language = cli.language();
        String[] rest = cli.args();
        try {
            return switch (rest[0]) {
                case "ingest" -> ingest(rest, language);
                case "generate-demo" -> generateDemo(rest);
                case "benchmark-ingest" -> benchmarkIngest(rest);
                case "benchmark-analytics" -> AnalyticsBenchmark.run(rest);
                case "render-charts" -> renderCharts(rest, language);
                case "benchmark-charts" -> ChartCommands.benchmark();
                case "benchmark-reports" -> ReportsBenchmark.run(rest);
                default -> usage(System.out, language);
            };
        } catch (UsageException e) {
            System.err.println(text(language, "cli.error", "message", e.reason()));
            usage(System.err, language);
            return 2;
        } catch (ItaException e) {
            System.err.println(text(language, "cli.errorWithCode", "code", e.code().name(), "message", reason(e, language)));
            return 1;
        }
    }

    static String text(Language language, String key, Object... namesAndValues) {
        return Messages.standard().render(key, language, namesAndValues);
    }

    /** An error's reason in the language: its catalog message, or (an error raised with a plain text) that text. */
    static String reason(ItaException e, Language language) {
        return e.userMessage().map(message -> Messages.standard().render(message, language)).orElse(e.getMessage());
    }

    /** Each command as it is typed (the same in every language), and the catalog key of what it does. */
    private static final List<Map.Entry<String, String>> USAGE = List.of(
            Map.entry("java -jar ita-app.jar", "cli.usage.start"),
            Map.entry("java -jar ita-app.jar ingest --tenant T [--format csv|xlsx|json] [--encoding utf-8|tis-620] FILE...", "cli.usage.ingest"),
            Map.entry("java -jar ita-app.jar generate-demo DIRECTORY", "cli.usage.generateDemo"),
            Map.entry("java -jar ita-app.jar benchmark-ingest [--data-dir DIR]", "cli.usage.benchmarkIngest"),
            Map.entry("java -jar ita-app.jar benchmark-analytics [--tenant demo]", "cli.usage.benchmarkAnalytics"),
            Map.entry("java -jar ita-app.jar render-charts --tenant demo --province 57 --year 2568 [--kind ranking|profile|trend] [--format png|svg] [--out DIR]",
                    "cli.usage.renderCharts"),
            Map.entry("java -jar ita-app.jar benchmark-charts", "cli.usage.benchmarkCharts"),
            Map.entry("java -jar ita-app.jar benchmark-reports [--tenant demo] [--province 57] [--year 2568]", "cli.usage.benchmarkReports"));

    static int usage(PrintStream out, Language language) {
        out.println(text(language, "cli.usage.title"));
        for (Map.Entry<String, String> command : USAGE) {
            out.println("  " + command.getKey());
            out.println("      " + text(language, command.getValue()));
        }
        out.println(text(language, "cli.usage.lang"));
        out.println(text(language, "cli.usage.settings"));
        return 0;
    }

    private static int ingest(String[] args, Language language) {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        parse(args, options, files, Set.of("--tenant", "--format", "--encoding"));
        String tenant = Optional.ofNullable(options.get("--tenant")).orElseThrow(() -> new UsageException(Message.of("cli.tenantRequired")));
        if (files.isEmpty()) {
            throw new UsageException(Message.of("cli.noFiles"));
        }
        Optional<FileFormat> format = Optional.ofNullable(options.get("--format")).map(CommandLine::format);
        Optional<Charset> charset = Optional.ofNullable(options.get("--encoding"))
                .map(e -> e.equalsIgnoreCase("tis-620") || e.equalsIgnoreCase("windows-874") ? SourceFile.THAI_SINGLE_BYTE : Charset.forName(e));
        int failures = 0;
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false)).start()) {
            IngestScores ingest = context.getBean(IngestScores.class);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    System.err.println(text(language, "cli.noSuchFile", "file", file.toString()));
                    failures++;
                    continue;
                }
                ProgressBar bar = new ProgressBar(System.err, file.getFileName().toString(), language);
                try {
                    IngestReport report = ingest.ingest(TenantId.of(tenant), file, file.getFileName().toString(),
                            new IngestOptions(format, charset, IngestOptions.DEFAULT_MAX_STORED_ERRORS), bar);
                    bar.done();
                    print(report, language, System.out);
                    failures += report.batch().status().name().equals("FAILED") ? 1 : 0;
                } catch (ItaException e) {
                    bar.done();
                    System.err.println(text(language, "cli.fileFailed", "file", file.toString(), "reason", reason(e, language)));
                    failures++;
                }
            }
            // The analytics table and its snapshot now, so the platform's next start reads the snapshot instead of rebuilding it.
            context.getBean(th.ita.app.access.TenantTables.class).table(TenantId.of(tenant));
        }
        return failures == 0 ? 0 : 1;
    }

    private static FileFormat format(String name) {
        try {
            return FileFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(Message.of("file.unknownFormat", "format", name));
        }
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** What became of a file: the batch and its counts, why it failed, its first row errors. */
    static void print(IngestReport report, Language language, PrintStream out) {
        var batch = report.batch();
        if (report.alreadyLoaded()) {
            out.println(text(language, "cli.alreadyLoaded", "file", batch.fileName(), "id", batch.id(), "date", String.valueOf(batch.finishedAt())));
            return;
        }
        out.println(text(language, "cli.batch", "file", batch.fileName(), "id", batch.id(),
                "status", text(language, "batch.status." + batch.status().name()), "rowsRead", count(batch.rowsRead()),
                "accepted", count(batch.scoresAccepted()), "derived", count(batch.scoresDerived()), "rejected", count(batch.rowsRejected()),
                "findings", count(batch.findings()), "orgYears", count(batch.orgYears())));
        if (batch.failure() != null) {
            out.println("  " + batch.failure().in(language));
        }
        for (RowError error : report.firstErrors().subList(0, Math.min(20, report.firstErrors().size()))) {
            out.println("  " + text(language, "cli.rowError", "line", error.line(), "column", error.column(), "value", error.value(),
                    "reason", error.message(language), "code", error.code()));
        }
        if (batch.rowsRejected() > 20) {
            out.println("  " + text(language, "cli.allRowErrors", "path", "/api/tenants/" + batch.tenant() + "/batches/" + batch.id() + "/errors"));
        }
    }

    private static int renderCharts(String[] args, Language language) {
        Map<String, String> options = new HashMap<>();
        parse(args, options, new ArrayList<>(), Set.of("--tenant", "--province", "--year", "--kind", "--format", "--out"));
        return ChartCommands.render(options, language);
    }

    private static int generateDemo(String[] args) {
        if (args.length != 2) {
            throw new UsageException(Message.of("cli.generateDemoDirectory"));
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
                    throw new UsageException(Message.of("cli.unknownOption", "option", args[i]));
                }
                options.put(args[i], args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
    }

    /** A command typed wrongly: the reason, then the usage. */
    static final class UsageException extends RuntimeException {
        private final transient Message reason;

        UsageException(Message reason) {
            super(Messages.standard().render(reason, Language.EN));
            this.reason = reason;
        }

        Message reason() {
            return reason;
        }
    }
}
