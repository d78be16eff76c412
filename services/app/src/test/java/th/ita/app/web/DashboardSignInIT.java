package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.Role;

/**
 * The dashboards' sign-in form: a tenant field for a name used in several tenants, and the same
 * throttle by account and by address as {@code POST /api/sign-in}, the address being a trusted proxy's
 * forwarded one (here the test connects from 127.0.0.1, configured as the proxy).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSignInIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-dashboard-sign-in").toString(), "ita.demo.load-on-start", "false",
                    "ita.trusted-proxies", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form as a person fills it in, sent through the proxy for {@code from}. */
    private static Browser.Page signIn(Browser browser, String tenant, String username, String password, String from, String proto) {
        Browser.Page form = browser.get("/sign-in");
        Map<String, String> fields = new HashMap<>(Map.of("username", username, "password", password, "csrfToken", Browser.csrf(form), "next", "/"));
        if (tenant != null) {
            fields.put("tenant", tenant);
        }
        return browser.post("/sign-in", fields, Map.of("X-Forwarded-For", from, "X-Forwarded-Proto", proto));
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }

    @Test
    void showsATenantFieldWithAThaiLabel() {
        Document page = browser().get("/sign-in").document();

        assertThat(page.select("label[for=tenant]").text()).isEqualTo("รหัสหน่วยงานผู้ใช้ระบบ");
        assertThat(page.select("input#tenant[name=tenant]")).hasSize(1);
        assertThat(page.select("input#tenant").attr("required")).isEmpty();
        assertThat(page.select("#tenant-hint").text()).contains("ชื่อ@รหัสหน่วยงาน");
        assertThat(browser().get("/sign-in?lang=en").document().select("label[for=tenant]").text()).isEqualTo("Tenant");
    }

    @Test
    void signsANameUsedInTwoTenantsIntoTheTenantTyped() {
        callers.token("form-a", "somsri", Role.ANALYST, List.of(), null);
        callers.token("form-b", "somsri", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);

        Browser.Page ambiguous = signIn(browser(), null, "somsri", DashboardData.PASSWORD, "198.51.100.60", "http");
        assertThat(ambiguous.status()).as("a name of two tenants, no tenant typed").isEqualTo(401);
        assertThat(ambiguous.document().select("#signin-error").text()).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");

        Browser intoB = browser();
        assertThat(signIn(intoB, "form-b", "somsri", DashboardData.PASSWORD, "198.51.100.60", "http").status()).isEqualTo(303);
        assertThat(intoB.get("/").document().select("#role").text()).isEqualTo("เจ้าหน้าที่จังหวัด");

        Browser intoA = browser();
        assertThat(signIn(intoA, "", "somsri@form-a", DashboardData.PASSWORD, "198.51.100.60", "http").status()).isEqualTo(303);
        assertThat(intoA.get("/").document().select("#role").text()).isEqualTo("นักวิเคราะห์");

        Browser.Page wrongTenant = signIn(browser(), "form-c", "somsri", DashboardData.PASSWORD, "198.51.100.60", "http");
        assertThat(wrongTenant.status()).isEqualTo(401);
        assertThat(wrongTenant.document().select("input#tenant").attr("value")).as("what was typed stays in the form").isEqualTo("form-c");
    }

    @Test
    void auditsTheAddressTheTrustedProxyForwarded() {
        String admin = callers.admin("form-audit");
        callers.token("form-audit", "audited", Role.ANALYST, List.of(), null);

        signIn(browser(), "form-audit", "audited", "wrong password", "192.0.2.77", "http");
        assertThat(signIn(browser(), "form-audit", "audited", DashboardData.PASSWORD, "192.0.2.78", "http").status()).isEqualTo(303);

        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/form-audit/audit").bearerAuth(admin), Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("SIGN_IN_FAILED");
            assertThat(event.get("detail")).isEqualTo("from 192.0.2.77");
        }).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("SIGN_IN");
            assertThat(event.get("detail")).isEqualTo("from 192.0.2.78");
        });
    }

    @Test
    void locksTheAddressAFloodOfGuessesComesFromAndOnlyThatAddress() {
        callers.token("form-flood", "clerk", Role.ANALYST, List.of(), null);
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            guesses.add(signIn(browser(), "form-flood", "guess-" + i, "wrong " + i, "198.51.100.70", "http").status());
        }
        assertThat(guesses.subList(0, 20)).containsOnly(401);
        Browser.Page locked = signIn(browser(), "form-flood", "clerk", DashboardData.PASSWORD, "198.51.100.70", "http");
        assertThat(locked.status()).as("the forwarded address is locked, right password or not").isEqualTo(429);
        assertThat(locked.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(locked.document().select("#signin-error").text()).startsWith("เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป");
        assertThat(signIn(browser(), "form-flood", "clerk", DashboardData.PASSWORD, "198.51.100.71", "http").status())
                .as("another address behind the same proxy").isEqualTo(303);
    }

    @Test
    void locksAnAccountAfterFiveFailuresWhateverTheAddress() {
        callers.token("form-account", "targeted", Role.ANALYST, List.of(), null);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(browser(), "form-account", "targeted", "wrong " + i, "203.0.113." + (10 + i), "http").status()).isEqualTo(401);
        }
        assertThat(signIn(browser(), "form-account", "targeted", DashboardData.PASSWORD, "203.0.113.99", "http").status()).isEqualTo(429);
    }

    @Test
    void marksTheSessionCookieSecureWhenTheTrustedProxyServedTls() {
        callers.token("form-tls", "tls-user", Role.ANALYST, List.of(), null);

        Browser.Page signedIn = signIn(browser(), "form-tls", "tls-user", DashboardData.PASSWORD, "198.51.100.80", "https");

        assertThat(signedIn.status()).isEqualTo(303);
        String cookie = signedIn.response().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ita_session=")).findFirst().orElseThrow();
        assertThat(cookie.toLowerCase(java.util.Locale.ROOT)).contains("secure").contains("httponly");
    }
}
