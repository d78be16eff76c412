package th.ita.benchmarks;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import th.ita.analytics.table.ScoreTable;
import th.ita.app.access.TenantTables;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;

/**
 * The analytics table after a restart: built from the store's facts (what every start did before the
 * snapshot) and read from its snapshot (what a start does now), each through {@link TenantTables} in a
 * fresh application context, beside DuckDB reading the same national CSV into a table. Also two builds
 * at once, to show whether the store serializes them.
 */
final class TableFigure implements Benchmarks.Figure {
    @Override
    public String summary() {
        return "analytics table after a restart: from the store and from its snapshot, vs DuckDB CSV → table [--data-dir D] [--times 1|2|4] [--repetitions 5]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path root = Path.of(NationalData.option(args, "--data-dir", "/tmp/ita-benchmarks"));
        int times = Integer.parseInt(NationalData.option(args, "--times", "1"));
        int repetitions = Integer.parseInt(NationalData.option(args, "--repetitions", "5"));
        Path csv = NationalData.csv(root, times);
        Path store = NationalData.store(root, times);
        System.out.printf(Locale.ROOT, "table: national dataset × %d, %.1f MB CSV; load %s%n", times, Files.size(csv) / 1e6, Alternating.machineLoad());
        Work duckDb = new Work(null) {
            Connection connection;

            @Override
            public void prepare() throws Exception {
                close();
                connection = DuckDb.inMemory();
            }

            @Override
            public void run() throws Exception {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE national AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, types = {'organization_code': 'VARCHAR'})");
                }
            }

            @Override
            void close() throws Exception {
                if (connection != null) {
                    connection.close();
                }
            }
        };
        Work fromStore = new Work(store) {
            @Override
            boolean snapshots() {
                return false;
            }
        };
        Work fromSnapshot = new Work(store);
        // The snapshot the restarts read: written by a first build.
        fromSnapshot.prepare();
        fromSnapshot.run();
        Path snapshot = store.resolve("analytics").resolve(NationalData.TENANT.value() + ".table");
        try {
            Alternating.measure("table from the store (restart before)", 1, repetitions, "platform", fromStore, "DuckDB CSV → table", duckDb).print(System.out);
            Alternating.measure("table from its snapshot (restart now)", 1, repetitions, "platform", fromSnapshot, "DuckDB CSV → table", duckDb).print(System.out);
        } finally {
            fromStore.close();
            fromSnapshot.close();
            duckDb.close();
        }
        ScoreTable table;
        try (ApplicationContext context = NationalData.open(store, true)) {
            table = context.getBean(TenantTables.class).table(NationalData.TENANT);
            System.out.printf(Locale.ROOT, "snapshot: %.1f MB for %,d organizations × %d years%n", Files.size(snapshot) / 1e6,
                    table.organizations().size(), table.years().size());
            concurrency(context);
        }
        System.out.printf(Locale.ROOT, "load at the end: %s%n", Alternating.machineLoad());
        return 0;
    }

    /** One build from the store, then two at once: on two cores two builds at once take about as long as one unless something serializes them. */
    private static void concurrency(ApplicationContext context) throws Exception {
        Organizations organizations = context.getBean(Organizations.class);
        CurrentScores scores = context.getBean(CurrentScores.class);
        Frameworks frameworks = context.getBean(Frameworks.class);
        Runnable build = () -> {
            ScoreTable.builder(organizations.all(NationalData.TENANT), frameworks).addCurrent(scores, NationalData.TENANT).build();
        };
        build.run();
        long started = System.nanoTime();
        build.run();
        double one = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        CompletableFuture<Void> first = CompletableFuture.runAsync(build);
        CompletableFuture<Void> second = CompletableFuture.runAsync(build);
        CompletableFuture.allOf(first, second).join();
        double two = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "builds from the store: one %.2f s, two at once %.2f s (%.2f× one; 1× = fully parallel, 2× = serialized)%n",
                one, two, two / one);
    }

    /** A restart: a fresh application context (untimed), then the first table (timed). */
    private static class Work implements Alternating.Work {
        private final Path store;
        private ApplicationContext context;

        Work(Path store) {
            this.store = store;
        }

        boolean snapshots() {
            return true;
        }

        @Override
        public void prepare() throws Exception {
            close();
            context = NationalData.open(store, snapshots());
        }

        @Override
        public void run() throws Exception {
            context.getBean(TenantTables.class).table(NationalData.TENANT);
        }

        void close() throws Exception {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}
