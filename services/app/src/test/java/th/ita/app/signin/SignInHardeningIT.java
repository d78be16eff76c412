package th.ita.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.FailedSignIns;
import th.ita.core.access.Role;

/**
 * Sign-in against guessing and enumeration: a throttle in the database (per account and per address,
 * kept across restarts and replicas, not reset by a flood), a trusted proxy's forwarded address, the
 * same time for unknown and known users, usernames per tenant, and no tenant without an active admin.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInHardeningIT implements TestPropertyProvider {
    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    FailedSignIns failures;

    @Override
    public Map<String, String> getProperties() {
        try {
            // The test client connects from 127.0.0.1: here it plays the trusted reverse proxy.
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-sign-in").toString(), "ita.demo.load-on-start", "false",
                    "ita.trusted-proxies", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private int signIn(String username, String password, String from) {
        return status(HttpRequest.POST("/api/sign-in", Map.of("username", username, "password", password)).header("X-Forwarded-For", from));
    }

    @Test
    void keepsALockOutAcrossARestartAndThroughAFloodOfOtherFailures() {
        SignInThrottle throttle = new SignInThrottle(failures, 5, 20);
        for (int i = 0; i < 5; i++) {
            throttle.failed("tenant/locked", "198.51.100.1");
        }
        for (int i = 0; i < 2_000; i++) {
            throttle.failed("flood-" + i, "203.0.113." + (i % 250) + "." + i);
        }

        SignInThrottle afterRestart = new SignInThrottle(failures, 5, 20);
        assertThat(afterRestart.secondsToWait("tenant/locked", "192.0.2.7")).isGreaterThan(800);
        assertThat(afterRestart.secondsToWait("tenant/other", "192.0.2.7")).isZero();
    }

    @Test
    void throttlesTheAddressAFloodComesFromButNotTheAccountsKnownFromIt() {
        callers.token("sign-in-a", "regular", Role.ANALYST, List.of(), null);
        callers.token("sign-in-a", "newcomer", Role.ANALYST, List.of(), null);
        assertThat(signIn("regular", PASSWORD, "198.51.100.20")).isEqualTo(200);

        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            guesses.add(signIn("guess-" + i, "wrong password " + i, "198.51.100.20"));
        }
        assertThat(guesses.subList(0, 20)).containsOnly(401);
        assertThat(guesses.get(20)).as("the address is locked").isEqualTo(429);
        assertThat(signIn("newcomer", PASSWORD, "198.51.100.20")).as("an account never signed in from there waits").isEqualTo(429);
        assertThat(signIn("regular", PASSWORD, "198.51.100.20")).as("an account known from there signs in").isEqualTo(200);
        assertThat(signIn("newcomer", PASSWORD, "198.51.100.21")).as("the same account from elsewhere").isEqualTo(200);
    }

    @Test
    void takesAsLongToRefuseAnUnknownUserAsAKnownOne() {
        callers.token("sign-in-a", "timed", Role.ANALYST, List.of(), null);
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            signIn("timed", "wrong password " + i, "198.51.100.30");
            known = Math.min(known, System.nanoTime() - started);
            started = System.nanoTime();
            signIn("nobody-" + i, "wrong password " + i, "198.51.100.31");
            unknown = Math.min(unknown, System.nanoTime() - started);
        }
        // Before: about 1–2 ms for an unknown user against 120–160 ms for a known one.
        assertThat((double) unknown).isGreaterThan(known * 0.4);
    }

    @Test
    void scopesUsernamesToTheirTenantSoAnotherTenantLearnsNothing() {
        String adminA = callers.admin("names-a");
        String adminB = callers.admin("names-b");
        Map<String, Object> user = new HashMap<>(Map.of("username", "somchai", "role", "ANALYST", "password", PASSWORD));
        assertThat(status(HttpRequest.POST("/api/tenants/names-a/users", user).bearerAuth(adminA))).isEqualTo(201);
        assertThat(status(HttpRequest.POST("/api/tenants/names-b/users", user).bearerAuth(adminB))).as("another tenant's name").isEqualTo(201);
        assertThat(status(HttpRequest.POST("/api/tenants/names-a/users", user).bearerAuth(adminA))).as("the tenant's own name").isEqualTo(409);

        assertThat(signIn("somchai", PASSWORD, "198.51.100.40")).as("a name used in two tenants, no tenant given").isEqualTo(401);
        assertThat(status(HttpRequest.POST("/api/sign-in", Map.of("username", "somchai", "password", PASSWORD, "tenant", "names-b"))
                .header("X-Forwarded-For", "198.51.100.40"))).isEqualTo(200);
        Map<?, ?> session = client.toBlocking().retrieve(HttpRequest.POST("/api/sign-in", Map.of("username", "somchai@names-a", "password", PASSWORD)), Map.class);
        assertThat(session.get("tenant")).isEqualTo("names-a");
    }

    @Test
    void neverDisablesTheLastActiveAdminOfATenant() {
        String admin = callers.admin("last-admin");
        List<Map> users = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/last-admin/users").bearerAuth(admin), Argument.listOf(Map.class));
        long self = ((Number) users.get(0).get("id")).longValue();
        assertThat(status(HttpRequest.POST("/api/tenants/last-admin/users/" + self + "/disable", "").bearerAuth(admin))).isEqualTo(409);

        Map<?, ?> second = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/last-admin/users",
                Map.of("username", "second-admin", "role", "TENANT_ADMIN", "password", PASSWORD)).bearerAuth(admin), Map.class);
        long other = ((Number) second.get("id")).longValue();
        assertThat(status(HttpRequest.POST("/api/tenants/last-admin/users/" + other + "/disable", "").bearerAuth(admin))).isEqualTo(200);
        assertThat(status(HttpRequest.POST("/api/tenants/last-admin/users/" + self + "/disable", "").bearerAuth(admin))).isEqualTo(409);
        assertThat(status(HttpRequest.POST("/api/tenants/last-admin/users/" + other + "/enable", "").bearerAuth(admin))).isEqualTo(200);
        assertThat(status(HttpRequest.POST("/api/tenants/last-admin/users/" + self + "/disable", "").bearerAuth(admin))).isEqualTo(200);
    }

    @Test
    void auditsTheAddressATrustedProxyForwardedNotTheProxys() {
        String admin = callers.admin("forwarded");
        callers.token("forwarded", "forwarded-user", Role.ANALYST, List.of(), null);
        signIn("forwarded-user", "wrong password", "192.0.2.99");
        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/forwarded/audit").bearerAuth(admin), Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("SIGN_IN_FAILED");
            assertThat(event.get("detail")).isEqualTo("from 192.0.2.99");
        });
    }
}
