package th.ita.benchmarks;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import th.ita.app.demo.DemoDataset;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestReport;
import th.ita.ingest.IngestScores;

/**
 * The national demo dataset at 1×, 2× or 4× its organizations, as a wide CSV and as a store loaded with it
 * (tenant {@value #TENANT}), made once under a root directory and reused by every figure: neither is timed.
 * Copy k of an organization has the code {@code CODE-k} and the name {@code NAME k}, in the same province
 * and district, with the same scores: k times the organizations, k times the facts.
 */
final class NationalData {
    static final TenantId TENANT = TenantId.of("benchmark");

    private NationalData() {
    }

    /** The wide CSV with {@code times} copies of every organization. */
    static Path csv(Path root, int times) throws IOException {
        Path national = DemoDataset.file(root.resolve("demo"), Geography.bundled(), Frameworks.bundled());
        if (times == 1) {
            return national;
        }
        Path file = root.resolve("demo").resolve("national-x" + times + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Path partial = Files.createTempFile(root.resolve("demo"), "national-x" + times, ".part");
        try (BufferedReader in = Files.newBufferedReader(national, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            out.write(header);
            out.newLine();
            java.util.List<String> rows = in.lines().toList();
            for (int copy = 1; copy <= times; copy++) {
                for (String row : rows) {
                    if (copy == 1) {
                        out.write(row);
                    } else {
                        // organization_code,organization_name,…: the code and the name are the first two cells, never quoted in the demo.
                        int first = row.indexOf(',');
                        int second = row.indexOf(',', first + 1);
                        out.write(row, 0, first);
                        out.write("-" + copy);
                        out.write(row, first, second - first);
                        out.write(" " + copy);
                        out.write(row, second, row.length() - second);
                    }
                    out.newLine();
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A data directory whose embedded store holds the dataset at {@code times} in tenant {@value #TENANT}. */
    static Path store(Path root, int times) throws IOException {
        Path directory = root.resolve("store-x" + times);
        Path ready = directory.resolve("benchmark-ready");
        if (Files.exists(ready)) {
            return directory;
        }
        Path file = csv(root, times);
        System.out.printf("loading %s into %s (once, not timed)…%n", file.getFileName(), directory);
        try (ApplicationContext context = open(directory, true)) {
            IngestReport report = context.getBean(IngestScores.class).ingest(TENANT, file, file.getFileName().toString(),
                    IngestOptions.detect().withSimilarNames(IngestOptions.SimilarNames.REGISTER), (bytes, total, rows) -> { });
            System.out.printf("  batch %d %s: %,d scores, %,d org-years%n", report.batch().id(), report.batch().status(),
                    report.batch().scoresAccepted() + report.batch().scoresDerived(), report.batch().orgYears());
            // The table and its snapshot, as after any publish (waited for here: the context closes next).
            context.getBean(th.ita.app.access.TenantTables.class).table(TENANT);
        }
        Files.writeString(ready, "ok\n");
        return directory;
    }

    /** The platform's beans on a data directory, without the HTTP server or the demo. */
    static ApplicationContext open(Path dataDirectory, boolean snapshots) {
        return ApplicationContext.builder().properties(Map.of("ita.demo.load-on-start", false, "ita.data-directory", dataDirectory.toString(),
                "ita.analytics.table-snapshots", snapshots)).start();
    }

    /** {@code --name value} from the arguments, or the default. */
    static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
