package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.Role;

/**
 * The dashboards' upload form goes through the API's streamed upload path: a refused upload (a role
 * that may not load, no or a wrong CSRF token, a format or encoding not known, a body larger than the
 * limit) is refused before any of its file is written — no file appears at any moment, neither in the
 * platform's uploads directory nor in the framework's multipart directory — and an accepted one is
 * spooled once, by the platform, and deleted when loaded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardUploadsIT implements TestPropertyProvider {
    private static final String TENANT = "uploads-a";
    private static final long LIMIT = 400_000;
    private final Path data;
    private final Path multipart;

    @Inject
    EmbeddedServer server;

    @Inject
    TestCallers callers;

    @Inject
    th.ita.app.Node node;

    private byte[] file;

    DashboardUploadsIT() {
        try {
            data = Files.createTempDirectory("ita-dashboard-uploads");
            multipart = Files.createTempDirectory("ita-framework-multipart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false", "ita.uploads.max-bytes", Long.toString(LIMIT),
                "micronaut.server.multipart.location", multipart.toString());
    }

    @BeforeAll
    void setUp() throws IOException {
        Files.createDirectories(node.spoolDirectory());
        callers.token(TENANT, "u-admin", Role.TENANT_ADMIN, List.of(), null);
        callers.token(TENANT, "u-analyst", Role.ANALYST, List.of(), null);
        // Larger than the parts the decoder keeps in memory, smaller than the limit.
        StringBuilder csv = new StringBuilder("organization_code,organization_name,organization_type,province,year,metric,value\n");
        int row = 0;
        while (csv.toString().getBytes(StandardCharsets.UTF_8).length < 300_000 - 200) {
            for (int i = 0; i < 100; i++) {
                csv.append(5713001).append(",ทต.ม่วงยาย,ทต.,เชียงราย,2568,ind").append(row++ % 10 + 1).append(",95.41\n");
            }
        }
        file = csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Browser signedIn(String username) {
        Browser browser = new Browser(server.getURI());
        assertThat(browser.signIn(username, DashboardData.PASSWORD).status()).isEqualTo(303);
        return browser;
    }

    /** The form as the admin page sends it: the CSRF field first, then the format and encoding chosen, then the file. */
    private static byte[] form(Map<String, String> fields, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--XyZ\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scores.csv\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static Browser.Page post(Browser browser, byte[] body, Map<String, String> headers) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(browser.base().resolve("/admin/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return browser.send(request.build());
    }

    /** The files created, at any moment, in the two directories an upload could be written to while {@code action} runs. */
    private <T> Created<T> watching(Supplier<T> action) {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            // This node's own spool directory, where the platform writes an upload (a watch is not recursive).
            node.spoolDirectory().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            data.resolve("uploads").register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            multipart.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            T result = action.get();
            List<String> created = new ArrayList<>();
            WatchKey key;
            while ((key = watch.poll(300, TimeUnit.MILLISECONDS)) != null) {
                Path directory = (Path) key.watchable();
                key.pollEvents().forEach(event -> created.add(directory.resolve(String.valueOf(event.context())).toString()));
                key.reset();
            }
            return new Created<>(result, created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Created<T>(T result, List<String> files) {
    }

    private List<Path> leftovers() throws IOException {
        Files.createDirectories(data.resolve("uploads"));
        try (var files = Files.walk(data.resolve("uploads"))) {
            List<Path> left = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            try (var framework = Files.walk(multipart)) {
                left.addAll(framework.filter(Files::isRegularFile).toList());
            }
            return left;
        }
    }

    @Test
    void refusesBeforeAnyOfTheFileIsWrittenAnywhere() {
        Browser admin = signedIn("u-admin");
        Browser analyst = signedIn("u-analyst");
        String csrf = Browser.csrf(admin.get("/admin"));
        byte[] tooLarge = new byte[(int) LIMIT + 100_000];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        Map<String, Supplier<Browser.Page>> refusals = new LinkedHashMap<>();
        refusals.put("an analyst", () -> post(analyst, form(Map.of("csrfToken", Browser.csrf(analyst.get("/")), "format", ""), file), Map.of()));
        refusals.put("no CSRF token", () -> post(admin, form(Map.of("format", ""), file), Map.of()));
        refusals.put("a wrong CSRF field", () -> post(admin, form(Map.of("csrfToken", csrf + "x"), file), Map.of()));
        refusals.put("a wrong CSRF header (htmx)", () -> post(admin, form(Map.of(), file), Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf + "x")));
        refusals.put("an unknown format", () -> post(admin, form(Map.of("csrfToken", csrf, "format", "pdf"), file), Map.of()));
        refusals.put("an unknown encoding", () -> post(admin, form(Map.of("csrfToken", csrf, "encoding", "klingon"), file), Map.of()));
        refusals.put("larger than the limit", () -> post(admin, form(Map.of("csrfToken", csrf), tooLarge), Map.of()));

        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, List<String>> written = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        refusals.forEach((what, upload) -> {
            Created<Browser.Page> created = watching(upload);
            answers.put(what, created.result().status());
            written.put(what, created.files());
            shown.put(what, created.result().document().select("h1").text());
            details.put(what, created.result().document().select("#error-detail").text());
        });

        assertThat(answers).containsExactly(Map.entry("an analyst", 403), Map.entry("no CSRF token", 403), Map.entry("a wrong CSRF field", 403),
                Map.entry("a wrong CSRF header (htmx)", 403), Map.entry("an unknown format", 400), Map.entry("an unknown encoding", 400),
                Map.entry("larger than the limit", 400));
        assertThat(written).allSatisfy((what, files) -> assertThat(files).as(what).isEmpty());
        assertThat(shown.get("an unknown format")).isEqualTo("คำขอไม่ถูกต้อง");
        assertThat(details.get("larger than the limit")).isEqualTo("ไฟล์ที่ส่งมาใหญ่กว่า 0.38 MB");
    }

    @Test
    void loadsAnAcceptedUploadThroughThePlatformsSpoolAloneAndDeletesIt() throws IOException {
        Browser admin = signedIn("u-admin");
        String csrf = Browser.csrf(admin.get("/admin"));

        Created<Browser.Page> form = watching(() -> post(admin, form(Map.of("csrfToken", csrf, "format", "csv", "encoding", ""), file), Map.of()));
        Created<Browser.Page> htmx = watching(() -> post(admin, form(Map.of(), file), Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf)));

        assertThat(form.result().status()).isEqualTo(200);
        Document report = form.result().document();
        assertThat(report.select("#batch-status").text()).isEqualTo("เผยแพร่แล้ว");
        assertThat(htmx.result().status()).isEqualTo(200);
        assertThat(htmx.result().document().select("header, footer")).as("the htmx answer is a fragment").isEmpty();
        assertThat(htmx.result().document().text()).contains("ไฟล์นี้เคยนำเข้าแล้ว");
        // One spool file per upload, the platform's own (the framework's multipart directory stays empty).
        assertThat(form.files()).hasSize(1).allSatisfy(name -> assertThat(name).startsWith(node.spoolDirectory().toString()));
        assertThat(htmx.files()).hasSize(1).allSatisfy(name -> assertThat(name).startsWith(node.spoolDirectory().toString()));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void saysWhyAFailedUploadFailedInThePagesLanguage() {
        Browser admin = signedIn("u-admin");
        String csrf = Browser.csrf(admin.get("/admin"));
        byte[] rejected = "organization_code,year,metric,value\nOWN,2568,total,120\n".getBytes(StandardCharsets.UTF_8);

        Browser.Page page = post(admin, form(Map.of("csrfToken", csrf), rejected), Map.of());

        Document report = page.document();
        assertThat(report.select("#batch-status").text()).isEqualTo("ล้มเหลว");
        assertThat(report.select("#batch-facts dd.error").text()).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
        String permalink = report.select("#batch-report > p > a").attr("href");
        assertThat(admin.get(permalink + "?lang=en").document().select("#batch-facts dd.error").text())
                .isEqualTo("no valid scores in the file: every row was rejected");
        assertThat(admin.get(permalink + "?lang=th").document().select("#batch-facts dd.error").text()).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
    }
}
