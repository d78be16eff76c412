package th.ita.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.demo.GenerateNationalDataset;
import th.ita.storage.clickhouse.testing.TestClickHouse;

/**
 * The platform, a separate process with its facts in a real ClickHouse, is killed (SIGKILL) in the
 * middle of loading the national dataset over HTTP, after some of its facts reached ClickHouse. Started
 * again, it shows nothing of that upload, marks it FAILED, and a retry of the same file publishes every
 * fact exactly once.
 */
class ClickHouseKillMidIngestIT {
    private static final String TENANT = "kill-test";
    private static final String PASSWORD = "kill-" + UUID.randomUUID();

    @TempDir
    Path data;

    private Process platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestClickHouse clickHouse;
    private String database;

    @AfterEach
    void stopPlatform() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            if (!platform.waitFor(20, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    @Test
    void aPlatformKilledMidIngestShowsNoPartialBatchAndARetryStoresEveryFactOnce() throws Exception {
        clickHouse = TestClickHouse.shared();
        database = clickHouse.newDatabase("kill_mid_ingest");
        // The national dataset's last two years (≈7,800 organizations; 2568 with its items: ≈600,000 scores),
        // written in chunks of 10,000 facts: enough INSERTs that the kill lands between the first and the publication.
        StringWriter national = new StringWriter();
        new GenerateNationalDataset(Geography.bundled(), Frameworks.bundled()).writeWideCsv(national, 2567, 2568);
        byte[] csv = national.toString().getBytes(StandardCharsets.UTF_8);

        int port = start();
        String token = signIn(port);
        CompletableFuture<HttpResponse<String>> upload = http.sendAsync(upload(port, token, csv), HttpResponse.BodyHandlers.ofString());
        long written = awaitFactsInClickHouse(Duration.ofSeconds(240));
        platform.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(upload.handle((response, failure) -> failure != null || response.statusCode() >= 500).get(30, TimeUnit.SECONDS))
                .as("the upload died with the platform").isTrue();
        long killedBatch = batchIdInClickHouse();
        assertThat(written).as("facts of the killed upload reached ClickHouse").isPositive();

        port = start();
        token = signIn(port);
        String batches = get(port, token, "/api/tenants/" + TENANT + "/batches");
        assertThat(batches).contains("\"id\":" + killedBatch).contains("FAILED").doesNotContain("PUBLISHED").doesNotContain("LOADING");
        assertThat(get(port, token, "/api/tenants/" + TENANT + "/organizations")).isEqualTo("[]");

        HttpResponse<String> retry = http.send(upload(port, token, csv), HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        long retryBatch = Long.parseLong(field(retry.body(), "id"));
        long accepted = Long.parseLong(field(retry.body(), "scoresAccepted"));
        long derived = Long.parseLong(field(retry.body(), "scoresDerived"));
        assertThat(retryBatch).isNotEqualTo(killedBatch);
        assertThat(accepted).isGreaterThan(200_000);
        assertThat(count("batch_id = " + retryBatch)).as("every fact of the retry, once").isEqualTo(accepted + derived);
        assertThat(count("batch_id = " + retryBatch + " GROUP BY organization_id, fiscal_year, metric, provenance HAVING count() > 1"))
                .as("no fact twice").isZero();
        String history = get(port, token, "/api/tenants/" + TENANT + "/organizations/5713001/years/2568/history?metric=total");
        assertThat(history).as("the total's history: the retry alone").contains("\"batchId\":" + retryBatch).doesNotContain("\"batchId\":" + killedBatch);
        // The killed batch's rows are unreachable at once and deleted in the background.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count("batch_id = " + killedBatch) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(count("batch_id = " + killedBatch)).as("the killed batch's rows are discarded").isZero();
    }

    private int start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port,
                "-Dita.data-directory=" + data.resolve("platform"),
                "-Dita.demo.load-on-start=false",
                "-Dita.node.id=node-killed",
                "-Dita.bootstrap.tenant=" + TENANT, "-Dita.bootstrap.admin=admin", "-Dita.bootstrap.password=" + PASSWORD,
                "-Dita.store.facts=clickhouse",
                "-Dita.clickhouse.url=" + clickHouse.serverUrl(),
                "-Dita.clickhouse.database=" + database,
                "-Dita.clickhouse.username=" + clickHouse.username(),
                "-Dita.clickhouse.password=" + clickHouse.password(),
                "-Dita.clickhouse.chunk=10000",
                "th.ita.app.Application"));
        platform = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("platform.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(platform.isAlive()).as("the platform runs (see its log: %s)", log()).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/frameworks")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return port;
                }
            } catch (IOException | InterruptedException notYet) {
                // Still starting.
            }
            sleep(250);
        }
        throw new AssertionError("the platform did not answer within 180 s: " + log());
    }

    private String signIn(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return field(response.body(), "token");
    }

    private static HttpRequest upload(int port, String token, byte[] csv) {
        String boundary = "ita-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"national.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tenants/" + TENANT + "/batches"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private String get(int port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Waits until some facts of the upload are in ClickHouse (and the platform is still at work); returns how many. */
    private long awaitFactsInClickHouse(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(platform.isAlive()).as("the platform runs: %s", log()).isTrue();
            long facts = count("1 = 1");
            if (facts > 0) {
                return facts;
            }
            sleep(20);
        }
        throw new AssertionError("no fact reached ClickHouse within " + timeout.toSeconds() + " s: " + log());
    }

    private long batchIdInClickHouse() throws Exception {
        try (Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(database), clickHouse.properties());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT batch_id FROM score_fact WHERE tenant_id = '" + TENANT + "'")) {
            assertThat(rows.next()).isTrue();
            long batch = rows.getLong(1);
            assertThat(rows.next()).as("one batch was loading").isFalse();
            return batch;
        }
    }

    /** Rows of the tenant's facts matching a condition (with GROUP BY … HAVING: the number of groups). */
    private long count(String condition) throws Exception {
        String sql = condition.contains("GROUP BY")
                ? "SELECT count() FROM (SELECT 1 FROM score_fact WHERE tenant_id = '" + TENANT + "' AND " + condition + ")"
                : "SELECT count() FROM score_fact WHERE tenant_id = '" + TENANT + "' AND " + condition;
        try (Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(database), clickHouse.properties());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    private String log() {
        try {
            String text = Files.readString(data.resolve("platform.log"));
            return text.length() > 3_000 ? text.substring(text.length() - 3_000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
