package th.ita.benchmarks;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import th.ita.app.demo.DemoDataset;
import th.ita.core.batch.IngestBatch;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.app.access.TenantTables;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;

/**
 * Ingesting the national demo file into a fresh embedded store (H2 file: parse, validate, resolve organizations,
 * derive, findings, store, publish) beside DuckDB reading the same CSV and unpivoting it long into a file database;
 * and the bytes each keeps per score. {@code --organizations N} repeats every organization N times under new codes
 * (N × the organizations, same years), to show how both grow with the data.
 */
final class IngestFigure implements Benchmarks.Figure {
    /** The wide file's columns that identify a row; every other column but the level is a score. */
    private static final List<String> IDENTITY = List.of("organization_code", "organization_name", "organization_type", "province", "district",
            "year", "level");
    private final boolean storage;

    private IngestFigure(boolean storage) {
        this.storage = storage;
    }

    static Benchmarks.Figure ingest() {
        return new IngestFigure(false);
    }

    static Benchmarks.Figure storage() {
        return new IngestFigure(true);
    }

    @Override
    public String summary() {
        return storage
                ? "bytes stored per score: H2 file of an ingested national file vs DuckDB's long table [--organizations N] [--data-dir DIR]"
                : "ingest the national demo file vs DuckDB unpivoting it into a file DB [--repetitions 5] [--warmups 4] [--organizations N] [--data-dir DIR]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path directory = Path.of(options.getOrDefault("--data-dir", System.getProperty("java.io.tmpdir") + "/ita-benchmark-ingest"));
        int factor = Integer.parseInt(options.getOrDefault("--organizations", "1"));
        int repetitions = Integer.parseInt(options.getOrDefault("--repetitions", storage ? "1" : "5"));
        // Four warm-ups: with one, the JIT's compiler threads still add ≈1.5 s of CPU to each timed ingest.
        int warmups = Integer.parseInt(options.getOrDefault("--warmups", storage ? "0" : "4"));
        Path file = scaled(DemoDataset.file(directory.resolve("demo"), Geography.bundled(), Frameworks.bundled()), factor);
        System.out.printf(Locale.ROOT, "file: %s (%.1f MB), load before: %s%n", file, Files.size(file) / 1e6, Alternating.machineLoad());
        Platform platform = new Platform(directory, file);
        Peer peer = new Peer(directory, file);
        try {
            Alternating.Result result = Alternating.measure(storage ? "storage" : "ingest ×" + factor, warmups, repetitions,
                    "platform (H2 file)", platform, "DuckDB (read_csv + UNPIVOT into a file)", peer);
            platform.closeContext();
            IngestBatch batch = platform.lastBatch;
            // The store's file only: the data directory also holds the analytics table's snapshot (a cache, rebuilt from the store).
            long platformBytes = size(platform.database.resolve("ita.mv.db"));
            long peerBytes = size(peer.database);
            System.out.printf(Locale.ROOT, "platform: %,d rows read, %,d accepted, %,d derived, %,d rejected, %,d findings, %,d org-years; "
                            + "peak heap %.0f MB (max %.0f MB)%n", batch.rowsRead(), batch.scoresAccepted(), batch.scoresDerived(), batch.rowsRejected(),
                    batch.findings(), batch.orgYears(), platform.peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "peer: %,d scores in the long table%n", peer.scores);
            if (!storage) {
                result.print(System.out);
                System.out.printf(Locale.ROOT, "platform CPU / wall (median): %.2f; %,.0f facts/s%n",
                        result.platform().medianCpuMillis() / result.platform().medianMillis(),
                        (batch.scoresAccepted() + batch.scoresDerived()) / (result.platform().medianMillis() / 1e3));
            }
            // The same denominator on both sides: the scores the file holds (the platform also keeps its derived values).
            System.out.printf(Locale.ROOT, "| storage ×%d | H2 %.1f MB, %.1f B per score (%.1f B per stored fact) | DuckDB %.1f MB, %.1f B per score | %.2f× |%n",
                    factor, platformBytes / 1e6, (double) platformBytes / peer.scores,
                    (double) platformBytes / (batch.scoresAccepted() + batch.scoresDerived()), peerBytes / 1e6, (double) peerBytes / peer.scores,
                    (double) platformBytes / peerBytes);
            // The platform compacts at a stop only when live data fills less than half the file: compacting it fully shows the live data alone.
            try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + platform.database.resolve("ita").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement statement = h2.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            long compacted = size(platform.database.resolve("ita.mv.db"));
            System.out.printf(Locale.ROOT, "| storage ×%d, H2 compacted (SHUTDOWN COMPACT) | H2 %.1f MB, %.1f B per score | DuckDB %.1f MB, %.1f B per score | %.2f× |%n",
                    factor, compacted / 1e6, (double) compacted / peer.scores, peerBytes / 1e6, (double) peerBytes / peer.scores, (double) compacted / peerBytes);
            System.out.println("load after: " + Alternating.machineLoad());
            return 0;
        } finally {
            platform.closeContext();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** The file with each organization repeated {@code factor} times under a new code and name (the first copy is the file itself). */
    static Path scaled(Path file, int factor) throws IOException {
        if (factor == 1) {
            return file;
        }
        Path scaled = file.resolveSibling(file.getFileName().toString().replace(".csv", "-x" + factor + ".csv"));
        if (Files.exists(scaled)) {
            return scaled;
        }
        Path partial = Files.createTempFile(file.getParent(), "scaled-", ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int copy = 1; copy <= factor; copy++) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String header = in.readLine();
                    if (copy == 1) {
                        out.write(header);
                        out.newLine();
                    }
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (copy > 1) {
                            // organization_code,organization_name,...: a new code (9 + copy + code) and name (name + " ชุด" + copy).
                            int codeEnd = line.indexOf(',');
                            int nameEnd = line.indexOf(',', codeEnd + 1);
                            line = "9" + copy + line.substring(0, codeEnd) + "," + line.substring(codeEnd + 1, nameEnd) + "ชุด" + copy + line.substring(nameEnd);
                        }
                        out.write(line);
                        out.newLine();
                    }
                }
            }
        }
        Files.move(partial, scaled);
        return scaled;
    }

    static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The platform: a fresh data directory and started context per repetition (untimed), then the ingest (timed). */
    private static final class Platform implements Alternating.Work {
        private final Path directory;
        private final Path file;
        private final Path database;
        private ApplicationContext context;
        private IngestBatch lastBatch;
        private long peakHeap;

        Platform(Path directory, Path file) {
            this.directory = directory;
            this.file = file;
            this.database = directory.resolve("platform-db");
        }

        @Override
        public void prepare() throws Exception {
            closeContext();
            delete(database);
            context = ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false, "ita.data-directory", database.toString()))
                    .start();
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public void run() {
            IngestReport report = context.getBean(IngestScores.class).ingest(TenantId.of("benchmark"), file, file.getFileName().toString(),
                    IngestOptions.detect(), (bytes, total, rows) -> {
                    });
            lastBatch = report.batch();
            if (!lastBatch.status().name().equals("PUBLISHED")) {
                throw new IllegalStateException("the batch was not published: " + lastBatch);
            }
            peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }

        /**
         * A publish starts rebuilding the tenant's analytics table in the background (its own figure, {@code table}); waiting
         * for it here keeps its CPU out of the peer's run that comes next.
         */
        @Override
        public void settle() {
            context.getBean(TenantTables.class).table(TenantId.of("benchmark"));
        }

        void closeContext() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    /** The peer: the same CSV, read and unpivoted long (organization, year, metric, score) into a fresh DuckDB file. */
    private static final class Peer implements Alternating.Work {
        private final Path file;
        private final Path database;
        private long scores;

        Peer(Path directory, Path file) {
            this.file = file;
            this.database = directory.resolve("peer.duckdb");
        }

        @Override
        public void prepare() throws Exception {
            Files.deleteIfExists(database);
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
        }

        @Override
        public void run() throws Exception {
            String csv = file.toAbsolutePath().toString().replace("'", "''");
            try (Connection db = DuckDb.file(database); Statement statement = db.createStatement()) {
                // Score columns are cast to DOUBLE: a column empty in the sniffer's sample (the OIT item groups) reads as text.
                String identity = String.join(", ", IDENTITY);
                statement.execute("CREATE TABLE score AS UNPIVOT (SELECT " + identity + ", COLUMNS(* EXCLUDE (" + identity + "))::DOUBLE FROM read_csv('"
                        + csv + "', header = true, all_varchar = false)) ON COLUMNS(* EXCLUDE (" + identity + ")) INTO NAME metric VALUE score");
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM score")) {
                    rows.next();
                    scores = rows.getLong(1);
                }
                statement.execute("CHECKPOINT");
            }
        }
    }
}
