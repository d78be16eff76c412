package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.demo.DemoAccess;
import th.ita.core.tenant.TenantId;

/** Security headers on every answer; the data directory, the store and the demo passwords readable by the owner only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT implements TestPropertyProvider {
    private final Path data;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    DemoAccess demoAccess;

    SecurityHeadersIT() {
        try {
            data = Files.createTempDirectory("ita-headers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        // The test client connects from 127.0.0.1: here it plays the trusted reverse proxy.
        return Map.of("ita.data-directory", data.toString(), "ita.demo.load-on-start", "false", "ita.trusted-proxies", "127.0.0.1");
    }

    private HttpResponse<?> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void setsSecurityHeadersOnAnswersErrorsAndRefusals() {
        String admin = callers.admin("headers-a");
        List<HttpResponse<?>> responses = List.of(
                exchange(HttpRequest.GET("/api/tenants/headers-a/organizations").bearerAuth(admin)),
                exchange(HttpRequest.GET("/api/tenants/headers-a/organizations")),
                exchange(HttpRequest.GET("/api/no-such-thing")),
                exchange(HttpRequest.GET("/api/frameworks")),
                exchange(HttpRequest.GET("/health")));

        assertThat(responses).extracting(HttpResponse::code).containsExactly(200, 401, 404, 200, 200);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getHeaders().get("Content-Security-Policy")).isEqualTo("default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            assertThat(response.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeaders().get("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeaders().contains("Strict-Transport-Security")).as("no HSTS over plain HTTP").isFalse();
        });
        assertThat(responses.get(0).getHeaders().get("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void setsHstsOnlyWhenATrustedProxySaysTheClientCameOverTls() {
        HttpResponse<?> viaTls = exchange(HttpRequest.GET("/api/frameworks").header("X-Forwarded-Proto", "https"));
        assertThat(viaTls.getHeaders().get("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(exchange(HttpRequest.GET("/api/frameworks")).getHeaders().contains("Strict-Transport-Security")).isFalse();
    }

    @Test
    void keepsTheDataDirectoryTheStoreAndTheDemoPasswordsToTheOwner() throws IOException {
        DemoAccess.Credentials first = demoAccess.ensure(TenantId.of("headers-demo"), data);
        DemoAccess.Credentials second = demoAccess.ensure(TenantId.of("headers-demo"), data);

        assertThat(first.created()).isNotEmpty();
        assertThat(second.created()).as("a second start makes no new passwords and has none to print").isEmpty();
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(permissions(first.file())).isEqualTo("rw-------");
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("ita.mv.db"))).isEqualTo("rw-------");
        try (Stream<Path> directories = Files.list(data)) {
            assertThat(directories.filter(Files::isDirectory).map(this::permissions)).containsOnly("rwx------");
        }
    }

    private String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
