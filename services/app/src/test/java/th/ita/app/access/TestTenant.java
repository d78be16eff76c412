package th.ita.app.access;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.ita.core.access.Role;

/**
 * The set-up most integration tests share: a tenant with its admin, files and seeds uploaded through
 * the API, users of each role by a short name, and calls made as any of them.
 */
public final class TestTenant {
    private final HttpClient client;
    private final TestCallers callers;
    private final String tenant;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** A tenant (created if new) with its admin signed in as {@code "admin"}. */
    public TestTenant(HttpClient client, TestCallers callers, String tenant) {
        this.client = client;
        this.callers = callers;
        this.tenant = tenant;
        tokens.put("admin", callers.admin(tenant));
    }

    /** The test configuration every integration test starts from: its own data directory, no demo data. */
    public static Map<String, String> properties(String directoryPrefix) {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory(directoryPrefix).toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the published seed reports bundled for tests ({@code /seeds/seed-002-long.csv}, …). */
    public static byte[] seed(String name) {
        try (InputStream in = TestTenant.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return tenant;
    }

    /** {@code /api/tenants/<tenant>}. */
    public String base() {
        return "/api/tenants/" + tenant;
    }

    /** Uploads a file as the admin; the answer (201, or 200 for a file loaded before). */
    public HttpResponse<Map> upload(String fileName, byte[] file) {
        MultipartBody body = MultipartBody.builder().addPart("file", fileName, MediaType.TEXT_CSV_TYPE, file).build();
        return client.toBlocking().exchange(HttpRequest.POST(base() + "/batches", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(token("admin")), Map.class);
    }

    public HttpResponse<Map> upload(String fileName, String csv) {
        return upload(fileName, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a bundled seed report under its own name. */
    public HttpResponse<Map> uploadSeed(String name) {
        return upload(name, seed(name));
    }

    /** The id of the batch an upload answered with. */
    public static long batchId(HttpResponse<Map> uploaded) {
        return ((Number) ((Map<?, ?>) uploaded.body().get("batch")).get("id")).longValue();
    }

    /** A user of the tenant, signed in; their token is kept under {@code key}. */
    public String user(String key, String username, Role role, List<String> provinces, String organizationCode) {
        String token = callers.token(tenant, username, role, provinces, organizationCode);
        tokens.put(key, token);
        return token;
    }

    public String token(String key) {
        String token = tokens.get(key);
        if (token == null) {
            throw new IllegalArgumentException("no user '" + key + "' in " + tenant);
        }
        return token;
    }

    /** The code of the tenant's organization with this Thai name (for organizations registered without a code). */
    public String organizationCode(String nameTh) {
        List<Map> organizations = client.toBlocking().retrieve(HttpRequest.GET(base() + "/organizations").bearerAuth(token("admin")),
                Argument.listOf(Map.class));
        return organizations.stream().filter(o -> nameTh.equals(o.get("nameTh"))).map(o -> (String) o.get("code")).findFirst()
                .orElseThrow(() -> new AssertionError("no organization named " + nameTh + " in " + tenant));
    }

    /** A call as a user that must succeed: a refusal fails the test with the answer's body. */
    public <T> HttpResponse<T> call(String key, MutableHttpRequest<?> request, Argument<T> type) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(token(key)), type);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(request.getPath() + " answered " + e.code() + ": " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    /** The status a call gets, as a user ({@code key}) or anonymously ({@code null}). */
    public int status(String key, MutableHttpRequest<?> request) {
        if (key != null) {
            request.bearerAuth(token(key));
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
