package th.ita.app.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;

/**
 * Every error is problem+json, the framework's own included; faults of ours never show internal text
 * (SQL, database versions, class names), only a reference to the log; over-long input is refused at
 * the edge naming the field; of the management endpoints only a bare health answers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesIT implements TestPropertyProvider {
    private static final String TENANT = "errors-a";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private String admin;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-errors");
    }

    @BeforeAll
    void setUp() {
        admin = callers.admin(TENANT);
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer call(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getContentType().map(Object::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private Answer signed(MutableHttpRequest<?> request) {
        return call(request.bearerAuth(admin));
    }

    @Test
    void answersTheFrameworksOwnErrorsAsProblemJson() {
        String base = "/api/tenants/" + TENANT;
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("missing year", signed(HttpRequest.GET(base + "/organizations/X/overview")));
        answers.put("year not a number", signed(HttpRequest.GET(base + "/organizations/X/overview?year=soon")));
        answers.put("unknown route", signed(HttpRequest.GET("/api/no-such-thing")));
        answers.put("unknown route, anonymous", call(HttpRequest.GET("/no-such-page")));
        answers.put("wrong method", call(HttpRequest.DELETE("/api/sign-in")));
        answers.put("unsupported media type", call(HttpRequest.POST("/api/sign-in", "username=x").contentType(MediaType.TEXT_PLAIN_TYPE)));
        answers.put("malformed json", call(HttpRequest.POST("/api/sign-in", "{\"username\":").contentType(MediaType.APPLICATION_JSON_TYPE)));
        answers.put("no token", call(HttpRequest.GET(base + "/organizations")));

        assertThat(answers).allSatisfy((name, answer) -> {
            assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
            assertThat(answer.body()).as(name).contains("\"status\":" + answer.status()).contains("\"code\":").doesNotContain("_links");
        });
        assertThat(answers.values()).extracting(Answer::status).containsExactly(400, 400, 404, 404, 405, 415, 400, 401);
        assertThat(answers.get("missing year").body()).contains("year");
    }

    private Map<?, ?> problem(MutableHttpRequest<?> request, String language) {
        if (language != null) {
            request.header("Accept-Language", language);
        }
        Answer answer = call(request);
        assertThat(answer.contentType()).as(request.getPath()).startsWith("application/problem+json");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(answer.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    /** The framework's own refusals, one request each, in a language. */
    private Map<String, Map<?, ?>> frameworkProblems(String language) {
        String base = "/api/tenants/" + TENANT;
        Map<String, Map<?, ?>> problems = new LinkedHashMap<>();
        problems.put("missing year", problem(HttpRequest.GET(base + "/organizations/X/overview").bearerAuth(admin), language));
        problems.put("year not a number", problem(HttpRequest.GET(base + "/organizations/X/overview?year=soon").bearerAuth(admin), language));
        problems.put("unknown route", problem(HttpRequest.GET("/api/no-such-thing").bearerAuth(admin), language));
        problems.put("wrong method", problem(HttpRequest.DELETE("/api/sign-in"), language));
        problems.put("unsupported media type", problem(HttpRequest.POST("/api/sign-in", "username=x").contentType(MediaType.TEXT_PLAIN_TYPE), language));
        problems.put("malformed json", problem(HttpRequest.POST("/api/sign-in", "{\"username\":").contentType(MediaType.APPLICATION_JSON_TYPE), language));
        return problems;
    }

    private static boolean hasThai(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI);
    }

    @Test
    void explainsTheFrameworksOwnErrorsInThaiByDefaultAndInEnglishOnRequestWithTheSameCodes() {
        Map<String, Map<?, ?>> thai = frameworkProblems(null);
        Map<String, Map<?, ?>> english = frameworkProblems("en");

        assertThat(thai).allSatisfy((name, problem) -> {
            assertThat(hasThai((String) problem.get("title"))).as("Thai title of %s: %s", name, problem).isTrue();
            assertThat(hasThai((String) problem.get("detail"))).as("Thai detail of %s: %s", name, problem).isTrue();
            assertThat(problem.get("code")).as(name).isEqualTo(english.get(name).get("code"));
        });
        assertThat(english).allSatisfy((name, problem) -> {
            assertThat(hasThai((String) problem.get("title"))).as("English title of %s: %s", name, problem).isFalse();
            assertThat(hasThai((String) problem.get("detail"))).as("English detail of %s: %s", name, problem).isFalse();
        });
        assertThat(thai.get("missing year").get("detail")).isEqualTo("ต้องระบุ year");
        assertThat(english.get("missing year").get("detail")).isEqualTo("year is required");
        assertThat(thai.get("year not a number").get("detail")).isEqualTo("ค่า 'soon' ของ year ไม่ถูกต้อง: ต้องเป็นจำนวนเต็ม");
        assertThat(english.get("year not a number").get("detail")).isEqualTo("year 'soon' is not valid: must be a whole number");
        assertThat(thai.get("unknown route").get("detail")).isEqualTo("ไม่มีหน้าหรือข้อมูลที่ /api/no-such-thing");
        assertThat(english.get("unknown route").get("detail")).isEqualTo("no such resource: /api/no-such-thing");
        assertThat(english.get("wrong method").get("detail")).isEqualTo("DELETE is not allowed on /api/sign-in");
        assertThat(english.get("wrong method").get("code")).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(english.get("unsupported media type").get("detail")).isEqualTo("a body of type text/plain is not accepted here");
        assertThat(english.get("malformed json").get("detail")).isEqualTo("the body is not well-formed JSON");
    }

    /** Sends a request line as raw bytes (no client would send a path like these) and reads the whole answer. */
    private String raw(byte[] path, String acceptLanguage) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.writeBytes("GET ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            request.writeBytes(path);
            request.writeBytes((" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + admin + "\r\n"
                    + (acceptLanguage == null ? "" : "Accept-Language: " + acceptLanguage + "\r\n") + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersAMalformedOrNonAsciiPathWithAProblemInThaiOrInEnglish() throws java.io.IOException {
        java.nio.charset.Charset ascii = java.nio.charset.StandardCharsets.US_ASCII;
        List<byte[]> unreadable = List.of("/api/จังหวัด".getBytes(java.nio.charset.StandardCharsets.UTF_8), "/api/%zz".getBytes(ascii),
                ("/api/tenants/" + TENANT + "/organizations/เชียงราย").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<byte[]> cutEscapes = List.of("/api/%E0%B8".getBytes(ascii), ("/api/tenants/" + TENANT + "/organizations/%E0%B8").getBytes(ascii),
                ("/api/tenants/" + TENANT + "/organizations?province=%E0%B8").getBytes(ascii));

        for (byte[] path : unreadable) {
            String name = new String(path, java.nio.charset.StandardCharsets.UTF_8);
            String thai = raw(path, null);
            String english = raw(path, "en");
            assertThat(thai).as(name).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"INVALID_INPUT\"").contains("\"title\":\"คำขอไม่ถูกต้อง\"").contains("ที่อยู่ของคำขอไม่ใช่ URL ที่ถูกต้อง");
            assertThat(english).as(name).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"INVALID_INPUT\"").contains("\"title\":\"Bad Request\"").contains("the address of the request is not a valid URL");
            assertThat(hasThai(english)).as(name).isFalse();
        }
        for (byte[] path : cutEscapes) {
            String name = new String(path, ascii);
            String thai = raw(path, null);
            String english = raw(path, "en");
            assertThat(thai).as(name).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json").doesNotContain("Malformed URI");
            assertThat(thai.substring(thai.indexOf("\"title\""))).as(name).matches("(?s)\"title\":\"[^\"]*[\u0E00-\u0E7F][^\"]*\".*");
            assertThat(english).as(name).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json").doesNotContain("Malformed URI");
            assertThat(hasThai(english)).as(name).isFalse();
        }
    }

    @Test
    void answersAFaultWithAReferenceAndNoInternalText() {
        for (String path : List.of("/test-faults/unexpected", "/test-faults/storage")) {
            Answer answer = call(HttpRequest.GET(path));
            assertThat(answer.status()).as(path).isIn(500, 503);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"reference\":\"").doesNotContain("SQL").doesNotContain("H2").doesNotContain("2.3.232")
                    .doesNotContain("VARYING").doesNotContain("IllegalStateException");
        }
    }

    @Test
    void refusesOverLongAdministrationInputNamingTheFieldAndNeverTheDatabase() {
        String users = "/api/tenants/" + TENANT + "/users";
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("displayName", signed(HttpRequest.POST(users, Map.of("username", "long-display", "displayName", "ก".repeat(201),
                "role", "ANALYST", "password", "a long enough password"))));
        answers.put("provinces", signed(HttpRequest.POST(users, Map.of("username", "many-provinces", "role", "PROVINCE_OFFICER",
                "password", "a long enough password", "provinces", java.util.Collections.nCopies(500, "เชียงราย")))));
        answers.put("organizationCode", signed(HttpRequest.POST(users, Map.of("username", "long-organization", "role", "ORGANIZATION_USER",
                "password", "a long enough password", "organizationCode", "9".repeat(300)))));
        answers.put("password", signed(HttpRequest.POST(users, Map.of("username", "long-password", "role", "ANALYST",
                "password", "x".repeat(100_000)))));
        List<Map> existing = client.toBlocking().retrieve(HttpRequest.GET(users).bearerAuth(admin), Argument.listOf(Map.class));
        long userId = ((Number) existing.get(0).get("id")).longValue();
        answers.put("name", signed(HttpRequest.POST("/api/tenants/" + TENANT + "/tokens", Map.of("userId", userId, "name", "t".repeat(300), "days", 1))));

        assertThat(answers).allSatisfy((field, answer) -> {
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.body()).as(field).contains(field).doesNotContain("SQL").doesNotContain("H2 ").doesNotContain("2.3.232");
        });
    }

    @Test
    void servesOnlyABareHealthOfTheManagementEndpoints() {
        Answer health = call(HttpRequest.GET("/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP").doesNotContain("jdbc").doesNotContain("H2").doesNotContain("diskSpace");
        for (String endpoint : List.of("/info", "/beans", "/routes", "/threaddump", "/env", "/loggers", "/flyway", "/metrics", "/caches")) {
            assertThat(signed(HttpRequest.GET(endpoint)).status()).as(endpoint).isEqualTo(404);
            assertThat(call(HttpRequest.GET(endpoint)).status()).as(endpoint).isEqualTo(404);
        }
        assertThat(signed(HttpRequest.POST("/refresh", "")).status()).isEqualTo(404);
        assertThat(signed(HttpRequest.POST("/stop", "")).status()).isEqualTo(404);
    }
}
