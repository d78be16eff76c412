package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.Role;

/**
 * The web UI rendered as each role and read with jsoup: what a page shows matches the API, and what a
 * role may not see is absent from the page and its fragments.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesIT implements TestPropertyProvider {
    private static final String TENANT = "pages-a";
    private static final String OTHER = "pages-b";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    private String adminToken;
    private String orgUserToken;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-pages").toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void setUp() {
        adminToken = callers.token(TENANT, "p-admin", Role.TENANT_ADMIN, List.of(), null);
        upload(adminToken, TENANT, DashboardData.csv());
        callers.token(TENANT, "p-analyst", Role.ANALYST, List.of(), null);
        callers.token(TENANT, "p-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        orgUserToken = callers.token(TENANT, "p-orguser", Role.ORGANIZATION_USER, List.of(), DashboardData.OWN);
        String otherAdmin = callers.token(OTHER, "p-admin-b", Role.TENANT_ADMIN, List.of(), null);
        upload(otherAdmin, OTHER, "organization_code,organization_name,organization_type,province,year,metric,value\n"
                + "9999001,ไกลสุด,ทต.,ตราด,2568,total,80\n");
    }

    private void upload(String token, String tenant, String csv) {
        MultipartBody body = MultipartBody.builder().addPart("file", "scores.csv", MediaType.TEXT_CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8)).build();
        client.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + tenant + "/batches", body).contentType(MediaType.MULTIPART_FORM_DATA).bearerAuth(token));
    }

    private Browser signedIn(String username) {
        Browser browser = new Browser(server.getURI());
        Browser.Page answer = browser.signIn(username, DashboardData.PASSWORD);
        assertThat(answer.status()).as("sign-in of " + username).isEqualTo(303);
        return browser;
    }

    @Test
    void sendsAVisitorWithoutASessionToTheSignInPage() {
        Browser browser = new Browser(server.getURI());
        Browser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).hasValue("/sign-in?next=%2F");
        Document signIn = browser.get("/sign-in").document();
        assertThat(signIn.select("html").attr("lang")).isEqualTo("th");
        assertThat(signIn.select("h1").text()).isEqualTo("เข้าสู่ระบบ");
        assertThat(signIn.select("input[name=csrfToken]").attr("value")).isNotBlank();
    }

    @Test
    void setsAnHttpOnlyLaxSessionCookieOnSignInAndRefusesAWrongPassword() {
        Browser browser = new Browser(server.getURI());
        Browser.Page wrong = browser.signIn("p-analyst", "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.document().select("#signin-error").text()).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
        Browser.Page right = browser.signIn("p-analyst", DashboardData.PASSWORD);
        assertThat(right.status()).isEqualTo(303);
        String setCookie = right.response().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ita_session=")).findFirst().orElseThrow();
        assertThat(setCookie.toLowerCase(java.util.Locale.ROOT)).contains("httponly").contains("samesite=lax").doesNotContain("secure");
        assertThat(setCookie).contains("Path=/");
        assertThat(browser.get("/").document().select("#role").text()).isEqualTo("นักวิเคราะห์");
    }

    @Test
    void rejectsAFormPostedWithoutTheCsrfToken() {
        Browser browser = new Browser(server.getURI());
        browser.get("/sign-in");
        Browser.Page forged = browser.post("/sign-in", Map.of("username", "p-analyst", "password", DashboardData.PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.cookie("ita_session")).isEmpty();
        Browser signedIn = signedIn("p-analyst");
        assertThat(signedIn.post("/sign-out", Map.of()).status()).isEqualTo(403);
        assertThat(signedIn.get("/").status()).as("still signed in after the forged sign-out").isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionForPagesAndTheApi() {
        Browser browser = signedIn("p-analyst");
        String csrf = Browser.csrf(browser.get("/"));
        String session = browser.cookie("ita_session").orElseThrow().getValue();
        Browser.Page out = browser.post("/sign-out", Map.of("csrfToken", csrf));
        assertThat(out.status()).isEqualTo(303);
        assertThat(browser.get("/").status()).isEqualTo(303);
        Browser stolen = new Browser(server.getURI());
        assertThat(stolen.get("/api/tenants/" + TENANT + "/organizations", Map.of("Cookie", "ita_session=" + session)).status()).isEqualTo(401);
    }

    @Test
    void readsTheSessionCookieOnTheApiForSafeMethodsOnly() {
        Browser browser = signedIn("p-analyst");
        assertThat(browser.get("/api/tenants/" + TENANT + "/organizations").status()).isEqualTo(200);
        Browser.Page post = browser.send(java.net.http.HttpRequest.newBuilder(browser.base().resolve("/api/tenants/" + TENANT + "/groups"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"x\",\"organizationCodes\":[\"" + DashboardData.OWN + "\"]}")).build());
        assertThat(post.status()).as("a cross-site POST to the API with the cookie alone").isEqualTo(401);
    }

    @Test
    void greetsEachRoleWithAHomeThatFitsIt() {
        Document orgUser = signedIn("p-orguser").get("/").document();
        assertThat(orgUser.select("#role").text()).isEqualTo("ผู้ใช้ของหน่วยงาน");
        assertThat(orgUser.select("a[href=/organizations/" + DashboardData.OWN + "]")).isNotEmpty();
        assertThat(orgUser.select("a[href=/admin]")).isEmpty();
        Document officer = signedIn("p-officer").get("/").document();
        assertThat(officer.select("a[href=/provinces/57]")).isNotEmpty();
        assertThat(officer.select("a[href=/analysis]")).isEmpty();
        Document admin = signedIn("p-admin").get("/").document();
        assertThat(admin.select("a[href=/admin]")).isNotEmpty();
        assertThat(admin.select("#province-pick option[value=23]")).isNotEmpty();
    }

    @Test
    void showsTheOrganizationsRankTotalAndLevelAsTheApiAnswersThem() {
        Map<?, ?> rank = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/" + DashboardData.OWN + "/rank?year=2568")
                .bearerAuth(orgUserToken), Map.class);
        Document page = signedIn("p-orguser").get("/organizations/" + DashboardData.OWN + "?year=2568").document();
        assertThat(page.select("#rank-text").text()).isEqualTo("ลำดับที่ " + rank.get("rank") + " จาก " + rank.get("groupSize") + " อปท. ในจังหวัดเชียงราย");
        assertThat(page.select("#total").text()).isEqualTo("95.41");
        assertThat(page.select("#level").text()).isEqualTo("ผ่านดี");
        assertThat(page.select("#level-reason").text()).isNotBlank();
        assertThat(page.select("#trend-table tbody tr")).hasSize(2);
        assertThat(page.select("#profile-chart img").attr("alt")).isNotBlank();
        assertThat(page.select("#profile-chart table.data tbody tr")).hasSize(10);
        assertThat(page.select("#trend-chart img").attr("src")).startsWith("/api/tenants/" + TENANT + "/charts/trend?");
    }

    @Test
    void showsAnOrganizationUserOnlyTheTotalAndLevelOfAPeer() {
        Document peer = signedIn("p-orguser").get("/organizations/" + DashboardData.TOOL_FAILED + "?year=2568").document();
        assertThat(peer.select("#masked-note")).isNotEmpty();
        assertThat(peer.select("#weaknesses, #strengths, #profile-chart, #next-title, #level-reason")).isEmpty();
        assertThat(peer.select("#trend-table thead th").eachText()).doesNotContain("IIT", "EIT", "OIT");
        assertThat(peer.text()).doesNotContain("80.00").doesNotContain("EIT 80");
    }

    @Test
    void answersNotFoundForAnOrganizationOutsideTheScopeOrTenant() {
        Browser officer = signedIn("p-officer");
        Browser.Page far = officer.get("/organizations/" + DashboardData.FAR);
        assertThat(far.status()).isEqualTo(404);
        assertThat(far.document().select("h1").text()).isEqualTo("ไม่พบข้อมูล");
        assertThat(far.body()).doesNotContain("หนองเสม็ด");
        assertThat(signedIn("p-analyst").get("/organizations/9999001").status()).isEqualTo(404);
    }

    @Test
    void switchesToEnglishAndRemembersIt() {
        Browser browser = signedIn("p-orguser");
        Document english = browser.get("/organizations/" + DashboardData.OWN + "?year=2568&lang=en").document();
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("#rank-text").text()).startsWith("Rank ").endsWith("LAOs in Chiang Rai");
        assertThat(english.select("#level").text()).isEqualTo("Good pass");
        assertThat(browser.get("/").document().select("#role").text()).isEqualTo("Organization user");
    }
}
