package th.ita.app.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;

/** Answers read in Thai by default and in English on request, never both in one text; codes stay the same. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageOfAnswersIT implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-language").toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<?, ?> problem(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected a problem from " + request.getPath());
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
    }

    @Test
    void answersProblemsInThaiUnlessEnglishIsAskedForWithTheSameCode() {
        String token = callers.admin("language-a");
        String path = "/api/tenants/language-a/organizations/NOPE";
        Map<?, ?> thai = problem(HttpRequest.GET(path).bearerAuth(token));
        Map<?, ?> byHeader = problem(HttpRequest.GET(path).bearerAuth(token).header("Accept-Language", "en-US,en;q=0.9"));
        Map<?, ?> byQuery = problem(HttpRequest.GET(path + "?lang=en").bearerAuth(token).header("Accept-Language", "th"));

        assertThat(thai.get("code")).isEqualTo("NOT_FOUND");
        assertThat(thai.get("detail")).isEqualTo("ไม่พบหน่วยงานรหัส NOPE");
        assertThat(thai.get("title")).isEqualTo("ไม่พบข้อมูล");
        assertThat(byHeader.get("code")).isEqualTo("NOT_FOUND");
        assertThat(byHeader.get("detail")).isEqualTo("organization NOPE not found");
        assertThat(byHeader.get("title")).isEqualTo("Not Found");
        assertThat(byQuery).isEqualTo(byHeader);
    }

    @Test
    void asksForASignInInTheCallersLanguage() {
        assertThat(problem(HttpRequest.GET("/api/tenants/language-a/organizations")).get("detail")).asString().startsWith("กรุณาเข้าสู่ระบบก่อน");
        assertThat(problem(HttpRequest.GET("/api/tenants/language-a/organizations?lang=en")).get("detail")).asString().startsWith("sign in first");
    }
}
