package th.ita.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform as users run it: a process started from the jar on a store holding the dataset. Per
 * restart: the time until it answers, and until the first organization overview is answered (the
 * analytics table: from its snapshot now, from the store before — {@code ITA_ANALYTICS_TABLE_SNAPSHOTS=false}
 * gives the old behaviour in the same run); then, under load (overviews and ranking PNGs from several
 * connections), the process's peak resident memory. The DuckDB peer opens its file database and answers
 * the same first question (the organization's rank in its province and its totals over the years).
 */
final class HttpFigure implements Benchmarks.Figure {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String summary() {
        return "first overview after a restart and peak RSS under load, vs DuckDB opening its file [--data-dir D] [--times 1] [--repetitions 3] "
                + "[--jar services/app/target/ita-app.jar] [--jvm \"FLAGS\"] [--load-seconds 20]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path root = Path.of(NationalData.option(args, "--data-dir", "/tmp/ita-benchmarks"));
        int times = Integer.parseInt(NationalData.option(args, "--times", "1"));
        int repetitions = Integer.parseInt(NationalData.option(args, "--repetitions", "3"));
        Path jar = Path.of(NationalData.option(args, "--jar", "services/app/target/ita-app.jar"));
        List<String> jvm = List.of(NationalData.option(args, "--jvm", "").split("\\s+")).stream().filter(flag -> !flag.isBlank()).toList();
        int loadSeconds = Integer.parseInt(NationalData.option(args, "--load-seconds", "20"));
        Path csv = NationalData.csv(root, times);
        Path store = NationalData.store(root, times);
        Path passwordFile = root.resolve("http-password-x" + times);
        if (!Files.exists(passwordFile)) {
            Files.writeString(passwordFile, UUID.randomUUID().toString());
        }
        String password = Files.readString(passwordFile).strip();
        List<String> codes = codes(csv);
        Path peerFile = root.resolve("peer-x" + times + ".duckdb");
        if (!Files.exists(peerFile)) {
            try (Connection db = DuckDb.file(peerFile); var statement = db.createStatement()) {
                statement.execute("CREATE TABLE national AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, types = {'organization_code': 'VARCHAR'})");
            }
        }
        System.out.printf(Locale.ROOT, "http: %s %s on %s; load %s%n", jar, jvm, store, Alternating.machineLoad());
        String code = codes.get(codes.size() / 2);
        Server[] server = new Server[1];
        Alternating.Work platform = new Restart(jar, jvm, store, password, code, true, server);
        Alternating.Work before = new Restart(jar, jvm, store, password, code, false, server);
        Alternating.Work peer = () -> {
            try (Connection db = DuckDb.file(peerFile); PreparedStatement statement = db.prepareStatement("""
                    WITH p AS (SELECT organization_code, year, total, rank() OVER (PARTITION BY province, year ORDER BY total DESC) AS rank
                               FROM national WHERE province = (SELECT province FROM national WHERE organization_code = ? LIMIT 1))
                    SELECT year, total, rank FROM p WHERE organization_code = ? ORDER BY year""")) {
                statement.setString(1, code);
                statement.setString(2, code);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getDouble(2);
                    }
                }
            }
        };
        try {
            Alternating.measure("first overview after a restart (snapshot)", 0, repetitions, "platform", platform, "DuckDB open + query", peer)
                    .print(System.out);
            Alternating.measure("first overview after a restart (from the store, as before)", 0, repetitions, "platform", before, "DuckDB open + query", peer)
                    .print(System.out);
            // The last restart with the snapshot, then load.
            platform.prepare();
            platform.run();
            System.out.printf(Locale.ROOT, "started in %.1f s, answering after %.1f s, first overview %.0f ms after that%n", server[0].startedSeconds,
                    server[0].answeringSeconds, server[0].firstOverviewMillis);
            load(server[0], codes, loadSeconds);
        } finally {
            if (server[0] != null) {
                server[0].stop();
            }
        }
        System.out.printf(Locale.ROOT, "load at the end: %s%n", Alternating.machineLoad());
        return 0;
    }

    /** Overviews (4 connections) and ranking PNGs of a different organization each (2 connections) for a while; the peak RSS meanwhile. */
    private static void load(Server server, List<String> codes, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong overviews = new AtomicLong();
        AtomicLong charts = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong limited = new AtomicLong();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            boolean chart = c >= 4;
            int offset = c * 997;
            clients.add(CompletableFuture.runAsync(() -> {
                int i = offset;
                while (running.get()) {
                    String organization = codes.get(i++ % codes.size());
                    String path = chart ? "/api/tenants/benchmark/charts/ranking?code=" + organization + "&year=2568&format=png"
                            : "/api/tenants/benchmark/organizations/" + organization + "/overview?year=2568";
                    try {
                        int status = server.get(path).statusCode();
                        (status == 503 ? refused : status == 429 ? limited : chart ? charts : overviews).incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        long peakRss = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            peakRss = Math.max(peakRss, server.rssKilobytes());
            Thread.sleep(100);
        }
        running.set(false);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        System.out.printf(Locale.ROOT, "under load for %d s: %,d overviews, %,d ranking PNGs, %,d refused (503), %,d rate-limited (429); RSS peak %.0f MB sampled, %.0f MB VmHWM%n",
                seconds, overviews.get(), charts.get(), refused.get(), limited.get(), peakRss / 1024.0, server.peakRssKilobytes() / 1024.0);
    }

    private static List<String> codes(Path csv) throws IOException {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> codes.add(line.substring(0, line.indexOf(','))));
        }
        return new ArrayList<>(codes);
    }

    /** A restart: stop the last process (untimed), start a new one; timed until its first overview answers. */
    private static final class Restart implements Alternating.Work {
        private final Path jar;
        private final List<String> jvm;
        private final Path store;
        private final String password;
        private final String code;
        private final boolean snapshots;
        private final Server[] server;

        Restart(Path jar, List<String> jvm, Path store, String password, String code, boolean snapshots, Server[] server) {
            this.jar = jar;
            this.jvm = jvm;
            this.store = store;
            this.password = password;
            this.code = code;
            this.snapshots = snapshots;
            this.server = server;
        }

        @Override
        public void prepare() throws Exception {
            if (server[0] != null) {
                server[0].stop();
                server[0] = null;
            }
        }

        /** Timed: from the process start to the first overview's answer (the figure is that overview's own time, printed). */
        @Override
        public void run() throws Exception {
            server[0] = Server.start(jar, jvm, store, password, snapshots);
            server[0].signIn();
            long started = System.nanoTime();
            HttpResponse<String> overview = server[0].get("/api/tenants/benchmark/organizations/" + code + "/overview?year=2568");
            server[0].firstOverviewMillis = (System.nanoTime() - started) / 1e6;
            if (overview.statusCode() != 200) {
                throw new IllegalStateException("overview answered " + overview.statusCode() + ": " + overview.body());
            }
            System.out.printf(Locale.ROOT, "  restart (%s): started %.1f s, answering %.1f s, first overview %.0f ms%n",
                    snapshots ? "snapshot" : "from the store", server[0].startedSeconds, server[0].answeringSeconds, server[0].firstOverviewMillis);
        }
    }

    private static final class Server {
        private final Process process;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String password;
        private String token;
        double startedSeconds;
        double answeringSeconds;
        double firstOverviewMillis;

        private Server(Process process, int port, String password) {
            this.process = process;
            this.base = "http://127.0.0.1:" + port;
            this.password = password;
        }

        static Server start(Path jar, List<String> jvm, Path store, String password, boolean snapshots) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(store.resolve("http-server.log").toFile());
            builder.environment().putAll(java.util.Map.of("ITA_DATA_DIR", store.toAbsolutePath().toString(), "ITA_PORT", String.valueOf(port),
                    "ITA_DEMO", "false", "ITA_BOOTSTRAP_TENANT", NationalData.TENANT.value(), "ITA_BOOTSTRAP_ADMIN", "bench",
                    "ITA_BOOTSTRAP_PASSWORD", password, "ITA_ANALYTICS_TABLE_SNAPSHOTS", String.valueOf(snapshots),
                    // One benchmark user asks for charts as fast as they come: without this its per-caller limit answers most
                    // of them 429 in a millisecond, and memory under load would be measured without the drawing.
                    "ITA_CHARTS_RATE_LIMIT", "false"));
            long started = System.nanoTime();
            Server server = new Server(builder.start(), port, password);
            long deadline = started + 300_000_000_000L;
            while (true) {
                if (!server.process.isAlive()) {
                    throw new IllegalStateException("the platform stopped; see " + store.resolve("http-server.log"));
                }
                try {
                    if (server.client.send(HttpRequest.newBuilder(URI.create(server.base + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(20);
            }
            server.startedSeconds = (System.nanoTime() - started) / 1e9;
            server.answeringSeconds = server.startedSeconds;
            return server;
        }

        void signIn() throws Exception {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/sign-in")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"" + password + "\",\"tenant\":\"benchmark\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOKEN.matcher(answer.body());
            if (!matcher.find()) {
                throw new IllegalStateException("sign-in answered " + answer.statusCode() + ": " + answer.body());
            }
            token = matcher.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        long rssKilobytes() {
            return status("VmRSS:");
        }

        long peakRssKilobytes() {
            return status("VmHWM:");
        }

        /** The field summed over the process and the JVMs it started (a bare java -jar runs the server in a sized one). */
        private long status(String field) {
            return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .mapToLong(handle -> status(handle.pid(), field)).sum();
        }

        private static long status(long pid, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return 0;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
