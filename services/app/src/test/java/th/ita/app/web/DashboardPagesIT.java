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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
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
        return TestTenant.properties("ita-pages");
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
        // HMAC "." random value: the HMAC part is there only when the signature key is configured.
        assertThat(signIn.select("input[name=csrfToken]").attr("value")).matches("[A-Za-z0-9+/=_-]{20,}\\.[A-Za-z0-9_-]+");
        assertThat(browser.cookie("ita_csrf")).hasValueSatisfying(cookie -> assertThat(cookie.isHttpOnly()).isTrue());
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
    void explainsAnErrorInThaiAndInEnglishWithTheEnglishUi() {
        Browser officer = signedIn("p-officer");
        Browser.Page far = officer.get("/organizations/" + DashboardData.FAR);
        assertThat(far.document().select("#error-detail").text()).isEqualTo("ไม่พบหน่วยงานรหัส " + DashboardData.FAR);
        assertThat(far.body()).doesNotContain("not found");
        Browser.Page noYear = officer.get("/organizations/" + DashboardData.OWN + "?year=2550");
        assertThat(noYear.status()).isEqualTo(404);
        assertThat(noYear.document().select("#error-detail").text()).isEqualTo("เทศบาลตำบลม่วงยาย ไม่มีคะแนนของปี 2550");

        Browser.Page english = officer.get("/organizations/" + DashboardData.FAR + "?lang=en");
        assertThat(english.document().select("h1").text()).isEqualTo("Not found");
        assertThat(english.document().select("#error-detail").text()).isEqualTo("organization " + DashboardData.FAR + " not found");
        assertThat(officer.get("/organizations/" + DashboardData.OWN + "?year=2550").document().select("#error-detail").text())
                .as("English remembered").isEqualTo("เทศบาลตำบลม่วงยาย has no scores for 2550");
        assertThat(officer.get("/provinces/57?year=2568&lang=th").status()).isEqualTo(200);
    }

    @Test
    void offersTheDraftReportOfTheYearToThoseWhoSeeTheOrganizationsDetail() {
        Browser orgUser = signedIn("p-orguser");
        Document own = orgUser.get("/organizations/" + DashboardData.OWN + "?year=2568").document();
        String docx = "/api/tenants/" + TENANT + "/organizations/" + DashboardData.OWN + "/reports/analysis.docx?year=2568";
        assertThat(own.select("#report-docx").attr("href")).isEqualTo(docx);
        assertThat(own.select("#report-docx").text()).isEqualTo("สร้างร่างรายงาน (ไฟล์ Word)");
        assertThat(own.select("#report-pdf").attr("href")).isEqualTo(docx.replace(".docx", ".pdf"));
        Browser.Page download = orgUser.get(docx);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("wordprocessingml"));
        assertThat(download.response().body()).startsWith((byte) 'P', (byte) 'K');
        assertThat(orgUser.get("/organizations/" + DashboardData.OWN + "?year=2567").document().select("#report-docx").attr("href"))
                .endsWith("year=2567");

        Document peer = orgUser.get("/organizations/" + DashboardData.TOOL_FAILED + "?year=2568").document();
        assertThat(peer.select("#report-card")).as("a peer's draft is its detail").isEmpty();
        assertThat(orgUser.get(docx.replace(DashboardData.OWN, DashboardData.TOOL_FAILED)).status()).isEqualTo(403);
        assertThat(signedIn("p-officer").get("/organizations/" + DashboardData.TOOL_FAILED + "?year=2568").document().select("#report-docx"))
                .hasSize(1);
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

    @Test
    void showsAnOfficerTheirProvincesTableRankedAsTheApiRanksIt() {
        java.util.List<Map> peers = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/" + DashboardData.OWN
                + "/peers?year=2568").bearerAuth(adminToken), io.micronaut.core.type.Argument.listOf(Map.class));
        Document page = signedIn("p-officer").get("/provinces/57?year=2568").document();
        assertThat(page.select("#lao tbody tr")).hasSize(peers.size()).hasSize(6);
        for (Map peer : peers) {
            org.jsoup.nodes.Element row = page.selectFirst("#lao tbody tr[data-code=" + peer.get("code") + "]");
            assertThat(row).as("row of " + peer.get("code")).isNotNull();
            assertThat(row.child(0).text()).isEqualTo(String.valueOf(peer.get("rank")));
            assertThat(row.child(4).text()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", ((Number) peer.get("score")).doubleValue()));
        }
        assertThat(page.select("#lao thead th").eachText()).contains("IIT", "EIT", "OIT", "ind1", "ind10");
        assertThat(page.text()).doesNotContain("หนองเสม็ด");
        // ม่วงยาย is ผ่านดี, not ผ่านดีเยี่ยม, because EIT < 95: a failed tool condition too.
        assertThat(page.select("#attention tbody tr").eachAttr("data-code"))
                .containsExactlyInAnyOrder(DashboardData.DROPPED, DashboardData.TOOL_FAILED, DashboardData.BELOW_PASS, DashboardData.OWN);
        assertThat(page.select("#attention tr[data-code=" + DashboardData.TOOL_FAILED + "]").text()).contains("EIT 80.00 < 85");
        assertThat(page.select("#weak-indicators").text()).contains("ท่าข้าม").contains("แม่สาย");
        assertThat(page.select("#heatmap-chart img, #ranking-chart img, #distribution-chart img, #levels-chart img")).hasSize(4);
        assertThat(page.select("#shares").text()).contains("ผ่านดี");
    }

    @Test
    void filtersTheTableByADroppedLevelAFailedToolConditionATypeAndADistrict() {
        Browser officer = signedIn("p-officer");
        Map<String, String> htmx = Map.of("HX-Request", "true");
        // Dropped: ท่าข้าม ผ่านดี → ต้องปรับปรุง, ริมกก ผ่านดี → ผ่าน, แม่สาย ต้องปรับปรุง → ต้องปรับปรุงโดยด่วน.
        assertThat(officer.get("/provinces/57/table?year=2568&dropped=on", htmx).document().select("#lao tbody tr").eachAttr("data-code"))
                .containsExactlyInAnyOrder(DashboardData.DROPPED, DashboardData.TOOL_FAILED, DashboardData.BELOW_PASS);
        assertThat(officer.get("/provinces/57/table?year=2568&failed=on&dropped=on", htmx).document().select("#lao tbody tr").eachAttr("data-code"))
                .containsExactly(DashboardData.TOOL_FAILED);
        assertThat(officer.get("/provinces/57/table?year=2568&failed=on", htmx).document().select("#lao tbody tr").eachAttr("data-code"))
                .containsExactlyInAnyOrder(DashboardData.TOOL_FAILED, DashboardData.OWN);
        assertThat(officer.get("/provinces/57/table?year=2568&type=SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION", htmx).document()
                .select("#lao tbody tr").eachAttr("data-code")).contains(DashboardData.DROPPED, DashboardData.TOOL_FAILED).doesNotContain(DashboardData.OWN);
        Document fragment = officer.get("/provinces/57/table?year=2568&level=URGENT", htmx).document();
        assertThat(fragment.select("#lao tbody tr").eachAttr("data-code")).containsExactly(DashboardData.BELOW_PASS);
        assertThat(fragment.select("header, footer")).as("a fragment, not a page").isEmpty();
        assertThat(officer.get("/provinces/23?year=2568").status()).isEqualTo(404);
        assertThat(officer.get("/provinces/23/table?year=2568", htmx).status()).isEqualTo(404);
    }

    @Test
    void showsAnOrganizationUserNoPeerIndicatorsOnTheProvincePageOrItsFragments() {
        Browser orgUser = signedIn("p-orguser");
        Browser.Page page = orgUser.get("/provinces/57?year=2568");
        assertThat(page.status()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.select("#lao tbody tr")).hasSize(6);
        // Their own row has its indicators; every peer's row says only total and level are shown.
        assertThat(document.select("#lao tbody tr:not([data-code=" + DashboardData.OWN + "]) td.masked")).hasSize(5);
        assertThat(document.select("#lao tr[data-code=" + DashboardData.OWN + "] td.masked")).isEmpty();
        assertThat(document.select("#attention, #weak-indicators, #heatmap-chart, #f-failed")).isEmpty();
        assertThat(page.body()).doesNotContain("80.00").doesNotContain("EIT 80");
        Browser.Page fragment = orgUser.get("/provinces/57/table?year=2568&failed=on", Map.of("HX-Request", "true"));
        assertThat(fragment.document().select("#lao tbody tr")).hasSize(6);
        assertThat(fragment.body()).doesNotContain("80.00");
    }

    @Test
    void exportsTheProvinceTableAsAnXlsxWithThaiHeadersASummaryAndNotesAndAuditsIt() throws IOException {
        Browser officer = signedIn("p-officer");
        Browser.Page xlsx = officer.get("/exports/provinces/57.xlsx?year=2568");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("province-57-2568.xlsx"));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.response().body()), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            java.util.List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("อปท", "สรุป", "หมายเหตุและแหล่งข้อมูล");
            java.util.List<org.dhatim.fastexcel.reader.Row> rows = sheets.get(0).read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("ลำดับ");
            assertThat(rows.get(0).getCellText(5)).isEqualTo("คะแนนรวม");
            assertThat(rows).hasSize(7);
            org.dhatim.fastexcel.reader.Row own = rows.stream().filter(r -> DashboardData.OWN.equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(own.getCell(5).asNumber().doubleValue()).isEqualTo(95.41);
            assertThat(own.getCellText(6)).isEqualTo("ผ่านดี");
            assertThat(own.getCell(5).getDataFormatString()).isEqualTo("0.00");
        }
        Browser.Page csv = officer.get("/exports/provinces/57.csv?year=2568");
        assertThat(csv.body()).startsWith("\uFEFFลำดับ,รหัส,หน่วยงาน").contains(DashboardData.OWN + ",เทศบาลตำบลม่วงยาย");
        assertThat(signedIn("p-orguser").get("/exports/provinces/57.xlsx?year=2568").status()).isEqualTo(403);
        assertThat(officer.get("/exports/provinces/23.xlsx?year=2568").status()).isEqualTo(404);
        java.util.List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/audit").bearerAuth(adminToken),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("EXPORT");
            assertThat(event.get("actionText")).isEqualTo("ส่งออกข้อมูล");
            assertThat(event.get("actor")).isEqualTo("p-officer");
            assertThat(String.valueOf(event.get("target"))).isEqualTo("province table 57");
            assertThat(String.valueOf(event.get("detail"))).matches("2568 xlsx: 6 rows, \\d+ bytes");
        });
        // The refused export is audited as refused, never as an export.
        assertThat(audit).filteredOn(event -> "p-orguser".equals(event.get("actor")) && "province table 57".equals(event.get("target")))
                .extracting(event -> event.get("action")).containsExactly("EXPORT_REFUSED");
    }

    @Test
    void letsAnOrganizationUserExportItsOwnResultsButNoPeersAndAuditsBoth() {
        Browser orgUser = signedIn("p-orguser");
        assertThat(orgUser.get("/exports/organizations/" + DashboardData.OWN + ".xlsx").status()).isEqualTo(200);
        assertThat(orgUser.get("/exports/organizations/" + DashboardData.DROPPED + ".xlsx").status()).isEqualTo(403);
        java.util.List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/audit?limit=500").bearerAuth(adminToken),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(audit).filteredOn(event -> "p-orguser".equals(event.get("actor")) && String.valueOf(event.get("target")).startsWith("organization "))
                .extracting(event -> event.get("target"), event -> event.get("action"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("organization " + DashboardData.OWN, "EXPORT"),
                        org.assertj.core.groups.Tuple.tuple("organization " + DashboardData.DROPPED, "EXPORT_REFUSED"));
    }

    @Test
    void downloadsAChartWithItsFileNameAndAnOrganizationsResults() {
        Browser analyst = signedIn("p-analyst");
        Browser.Page png = analyst.get("/charts/trend.png?code=" + DashboardData.OWN + "&metrics=tools&lang=th");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("chart-trend-" + DashboardData.OWN + "-tools.png"));
        assertThat(png.response().body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        Browser.Page csv = analyst.get("/exports/organizations/" + DashboardData.OWN + ".csv");
        assertThat(csv.body()).contains("2568,ผ่านดี").contains("95.41");
        assertThat(signedIn("p-orguser").get("/charts/trend.png?code=" + DashboardData.OWN).status()).isEqualTo(403);
    }

    @Test
    void letsATenantAdminManageUsersAndTokensFromTheAdminPageAndNoOneElse() {
        Browser admin = signedIn("p-admin");
        Document page = admin.get("/admin").document();
        assertThat(page.select("#users tr[data-username=p-analyst]")).isNotEmpty();
        // The audit log names each action in the page's language, its stable code in the cell's title.
        assertThat(page.select("#audit tbody tr").text()).contains("เข้าสู่ระบบ").doesNotContain("SIGN_IN")
                .contains("ผู้ใช้ p-admin").doesNotContain("user p-admin").doesNotContain("from ");
        assertThat(page.select("#audit tbody td[title=SIGN_IN]")).isNotEmpty();
        assertThat(admin.get("/admin?lang=en").document().select("#audit tbody tr").text()).contains("signed in").contains("user p-admin");
        String csrf = Browser.csrf(admin.get("/admin"));
        Browser.Page created = admin.post("/admin/users", Map.of("csrfToken", csrf, "username", "p-newcomer", "displayName", "ผู้ใช้ใหม่",
                "role", "PROVINCE_OFFICER", "provinces", "เชียงราย", "password", DashboardData.PASSWORD));
        assertThat(created.status()).isEqualTo(303);
        assertThat(admin.get("/admin?notice=userCreated").document().select("#users tr[data-username=p-newcomer]").text()).contains("57");
        assertThat(admin.post("/admin/users", Map.of("username", "p-forged", "role", "ANALYST", "password", DashboardData.PASSWORD)).status())
                .as("no CSRF token").isEqualTo(403);
        Browser.Page token = admin.post("/admin/tokens", Map.of("csrfToken", csrf, "userId", page.select("#tk-user option").first().attr("value"),
                "name", "nightly", "days", "30"));
        assertThat(token.document().select("#new-token").text()).startsWith("ita_a_");
        assertThat(signedIn("p-newcomer").get("/").status()).isEqualTo(200);
        for (String other : List.of("p-analyst", "p-officer", "p-orguser")) {
            assertThat(signedIn(other).get("/admin").status()).as(other).isEqualTo(403);
        }
    }

    @Test
    void showsABatchReportWithEachRowErrorsLineAndColumn() {
        Browser admin = signedIn("p-admin");
        Document page = admin.get("/admin").document();
        String batch = page.select("#batches tbody tr a").first().attr("href");
        Browser.Page bad = admin.send(java.net.http.HttpRequest.newBuilder(admin.base().resolve("/admin/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ").header("HX-Request", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--XyZ\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n"
                        + Browser.csrf(admin.get("/admin")) + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\norganization_code,year,metric,value\n5705006,2566,total,88.10\n"
                        + "5705006,2566,ind1,120\n\r\n--XyZ--\r\n", StandardCharsets.UTF_8)).build());
        assertThat(bad.status()).isEqualTo(200);
        Document report = bad.document();
        assertThat(report.select("#row-errors tbody tr td").eachText()).startsWith("3", "value").contains("120", "OUT_OF_RANGE");
        assertThat(report.select("#batch-accepted").text()).isEqualTo("1");
        assertThat(admin.get(batch).document().select("#batch-status").text()).isEqualTo("เผยแพร่แล้ว");
        assertThat(signedIn("p-officer").get(batch).status()).isEqualTo(403);
    }

    @Test
    void comparesOrganizationsAProvinceAndTheNationOverTimeAndSavesAPeerGroup() throws IOException {
        Browser analyst = signedIn("p-analyst");
        Document page = analyst.get("/analysis?codes=" + DashboardData.OWN + "," + DashboardData.DROPPED + ",NOPE&province=57&nation=on&metric=total")
                .document();
        assertThat(page.select("#comparison thead th").eachText()).contains("2567", "2568");
        assertThat(page.select("#comparison tbody tr")).hasSize(4);
        assertThat(page.select("#comparison tbody tr").first().text()).contains("ม่วงยาย").contains("95.41");
        assertThat(page.select("#unknown-codes").text()).contains("NOPE");
        Browser.Page saved = analyst.post("/analysis/groups", Map.of("csrfToken", Browser.csrf(analyst.get("/analysis")), "name", "ทต. ที่เทียบกัน",
                "codes", DashboardData.OWN + "," + DashboardData.DROPPED));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(analyst.get(saved.header("Location").orElseThrow()).document().select("#groups").text()).contains("ทต. ที่เทียบกัน");
        Browser.Page xlsx = analyst.get("/analysis/comparison.xlsx?codes=" + DashboardData.OWN + "&nation=on");
        assertThat(xlsx.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("comparison-total.xlsx"));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.response().body()))) {
            assertThat(workbook.getFirstSheet().read().get(1).getCellText(0)).contains("ม่วงยาย");
        }
        assertThat(signedIn("p-officer").get("/analysis").status()).isEqualTo(403);
    }
}
