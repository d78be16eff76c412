package th.ita.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.Role;

/** An upload that is refused leaves no file behind: not ours, not the framework's multipart copy. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedUploadsIT implements TestPropertyProvider {
    private static final String TENANT = "refused-a";
    private final Path data;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private final java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    @Inject
    TestCallers callers;

    private String admin;
    private String analyst;
    private String otherAdmin;
    private byte[] large;

    RefusedUploadsIT() {
        try {
            data = Files.createTempDirectory("ita-refused");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false");
    }

    @BeforeAll
    void setUp() {
        admin = callers.admin(TENANT);
        analyst = callers.token(TENANT, "refused-analyst", Role.ANALYST, List.of(), null);
        otherAdmin = callers.admin("refused-b");
        StringBuilder csv = new StringBuilder("organization_code,organization_name,organization_type,province,year,metric,value\n");
        while (csv.length() < 1_000_000) {
            csv.append("5713001,ทต.ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\n");
        }
        large = csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private int upload(String token, String path, Map<String, String> fields) {
        return upload(token, path, fields, large);
    }

    /**
     * The multipart body is written here by hand: the framework's client would encode it through a
     * temporary file of its own in the directory the server configured, which is the one counted.
     */
    private int upload(String token, String path, Map<String, String> fields, byte[] content) {
        String boundary = "----refused-upload-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scores.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return raw.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files left under uploads/ once the server is done with a request: the framework writes a
     * multipart body to disk as it arrives and may still be removing it when the client has the
     * answer, so wait (up to 10 s) for it to go; a leaked file stays for good.
     */
    private List<Path> leftovers() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Path> files = files();
        while (!files.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            files = files();
        }
        return files;
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.walk(data.resolve("uploads"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void leavesNoTemporaryFileAfterUploadsRefusedForRoleTenantFormatOrEncoding() {
        String own = "/api/tenants/" + TENANT + "/batches";
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        Map<String, List<Path>> left = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            answers.put("analyst " + i, upload(analyst, own, Map.of()));
            left.put("analyst " + i, leftovers());
            answers.put("other tenant's admin " + i, upload(otherAdmin, own, Map.of()));
            left.put("other tenant's admin " + i, leftovers());
            answers.put("no token " + i, upload(null, own, Map.of()));
            left.put("no token " + i, leftovers());
            answers.put("format parameter " + i, upload(admin, own + "?format=pdf", Map.of()));
            left.put("format parameter " + i, leftovers());
            answers.put("encoding parameter " + i, upload(admin, own + "?encoding=klingon", Map.of()));
            left.put("encoding parameter " + i, leftovers());
            answers.put("format field " + i, upload(admin, own, Map.of("format", "pdf")));
            left.put("format field " + i, leftovers());
            answers.put("encoding field " + i, upload(admin, own, Map.of("encoding", "klingon")));
            left.put("encoding field " + i, leftovers());
            answers.put("into another tenant " + i, upload(admin, "/api/tenants/refused-b/batches", Map.of()));
            left.put("into another tenant " + i, leftovers());
        }

        assertThat(answers.values()).containsExactly(403, 404, 401, 400, 400, 400, 400, 404, 403, 404, 401, 400, 400, 400, 400, 404,
                403, 404, 401, 400, 400, 400, 400, 404);
        assertThat(left).allSatisfy((call, files) -> assertThat(files).as(call).isEmpty());
    }

    @Test
    void leavesNoTemporaryFileAfterAnAcceptedUploadOrAFileThatCannotBeRead() {
        assertThat(upload(admin, "/api/tenants/" + TENANT + "/batches", Map.of(), ("organization_code,organization_name,organization_type,province,year,metric,value\n"
                + "5713001,ทต.ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\n").getBytes(StandardCharsets.UTF_8))).isIn(200, 201);
        assertThat(upload(admin, "/api/tenants/" + TENANT + "/batches?format=xlsx", Map.of(),
                "not a spreadsheet\n".repeat(50_000).getBytes(StandardCharsets.UTF_8))).isEqualTo(400);

        assertThat(leftovers()).isEmpty();
    }
}
