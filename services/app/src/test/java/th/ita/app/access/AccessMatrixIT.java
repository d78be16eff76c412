package th.ita.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.core.access.Role;
import th.ita.app.access.TestTenant;

/**
 * Every endpoint, called as every role, with the caller's own ids, with ids of another province and
 * with another tenant's path, against the answer each should get: 2xx, 401, 403 or 404.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT implements TestPropertyProvider {
    private static final String A = "matrix-a";
    private static final String B = "matrix-b";
    private static final String FILE = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,ind1,98.67\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,ind1,80\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\n"
            + "FAR,หนองเสม็ด,ทต.,ตราด,2568,total,70\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long batchA;
    private long userA;
    private long tokenA;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-matrix");
    }

    @BeforeAll
    void setUp() {
        TestTenant a = new TestTenant(client, callers, A);
        TestTenant b = new TestTenant(client, callers, B);
        batchA = TestTenant.batchId(a.upload("scores.csv", FILE));
        b.upload("scores.csv", FILE);
        tokens.put("admin", a.token("admin"));
        tokens.put("adminB", b.token("admin"));
        tokens.put("analyst", a.user("analyst", "m-analyst", Role.ANALYST, List.of(), null));
        tokens.put("officer", a.user("officer", "m-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null));
        tokens.put("orguser", a.user("orguser", "m-orguser", Role.ORGANIZATION_USER, List.of(), "OWN"));
        List<Map> users = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/users").bearerAuth(tokens.get("admin")), Argument.listOf(Map.class));
        userA = users.stream().filter(u -> u.get("username").equals("m-analyst")).map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
        Map<?, ?> token = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + A + "/tokens", Map.of("userId", userA, "name", "script", "days", 30))
                .bearerAuth(tokens.get("admin")), Map.class);
        tokenA = ((Number) token.get("id")).longValue();
    }

    private int status(String caller, MutableHttpRequest<?> request) {
        if (caller != null) {
            request.bearerAuth(tokens.get(caller));
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private record Call(String name, java.util.function.Supplier<MutableHttpRequest<?>> request) {
    }

    private List<Call> calls(String tenant) {
        String base = "/api/tenants/" + tenant;
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("list organizations", () -> HttpRequest.GET(base + "/organizations")));
        calls.add(new Call("own organization", () -> HttpRequest.GET(base + "/organizations/OWN")));
        calls.add(new Call("own years", () -> HttpRequest.GET(base + "/organizations/OWN/years")));
        calls.add(new Call("own indicator history", () -> HttpRequest.GET(base + "/organizations/OWN/years/2568/history?metric=ind1")));
        calls.add(new Call("peer years", () -> HttpRequest.GET(base + "/organizations/PEER/years")));
        calls.add(new Call("peer total history", () -> HttpRequest.GET(base + "/organizations/PEER/years/2568/history?metric=total")));
        calls.add(new Call("peer indicator history", () -> HttpRequest.GET(base + "/organizations/PEER/years/2568/history?metric=ind1")));
        calls.add(new Call("other province organization", () -> HttpRequest.GET(base + "/organizations/FAR")));
        calls.add(new Call("other province years", () -> HttpRequest.GET(base + "/organizations/FAR/years")));
        calls.add(new Call("batches", () -> HttpRequest.GET(base + "/batches")));
        calls.add(new Call("batch", () -> HttpRequest.GET(base + "/batches/" + batchA)));
        calls.add(new Call("batch errors", () -> HttpRequest.GET(base + "/batches/" + batchA + "/errors")));
        calls.add(new Call("batch findings", () -> HttpRequest.GET(base + "/batches/" + batchA + "/findings")));
        calls.add(new Call("upload", () -> HttpRequest.POST(base + "/batches", MultipartBody.builder()
                .addPart("file", "x.csv", MediaType.TEXT_CSV_TYPE, "organization_code,year,metric,value\nOWN,2567,total,90\n".getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        calls.add(new Call("users", () -> HttpRequest.GET(base + "/users")));
        calls.add(new Call("create user", () -> HttpRequest.POST(base + "/users", Map.of("username", "new-" + System.nanoTime(), "role", "ANALYST",
                "password", "a long enough password"))));
        calls.add(new Call("tokens", () -> HttpRequest.GET(base + "/tokens")));
        calls.add(new Call("create token", () -> HttpRequest.POST(base + "/tokens", Map.of("userId", userA, "days", 1))));
        calls.add(new Call("audit", () -> HttpRequest.GET(base + "/audit")));
        return calls;
    }

    /** Expected status per call, in the order of {@link #calls}, for a caller in their own tenant. */
    private static final Map<String, List<Integer>> OWN_TENANT = Map.of(
            "admin", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201, 200, 201, 200, 201, 200),
            "analyst", List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403),
            "officer", List.of(200, 200, 200, 200, 200, 200, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            "orguser", List.of(200, 200, 200, 200, 200, 200, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403));

    @Test
    void answersEveryCallOfEveryRoleInItsOwnTenantAsTheRolesAllow() {
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String caller : OWN_TENANT.keySet()) {
            actual.put(caller, calls(A).stream().map(call -> status(caller, call.request().get())).toList());
        }
        assertThat(actual).isEqualTo(OWN_TENANT);
    }

    @Test
    void answersNotFoundToEveryCallIntoAnotherTenant() {
        for (String caller : List.of("admin", "analyst", "officer", "orguser")) {
            assertThat(calls(B).stream().map(call -> status(caller, call.request().get())).toList())
                    .as(caller).containsOnly(404);
        }
    }

    @Test
    void publishesTheApiDocumentationToEveryone() {
        String document = client.toBlocking().retrieve(HttpRequest.GET("/swagger/ita-benchmarking-platform-0.1.yml"));
        assertThat(document).contains("/api/tenants/{tenant}/organizations/{code}/rank").contains("competition").contains("PERCENTRANK.INC");
    }

    @Test
    void answersUnauthorizedToEveryCallWithoutAValidToken() {
        assertThat(calls(A).stream().map(call -> status(null, call.request().get())).toList()).containsOnly(401);
        tokens.put("forged", "ita_s_forged");
        assertThat(calls(A).stream().map(call -> status("forged", call.request().get())).toList()).containsOnly(401);
    }

    @Test
    void showsAnOrganizationUserNoDetailOfAPeerByAnyRoute() {
        List<Map> peerYears = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/organizations/PEER/years")
                .bearerAuth(tokens.get("orguser")), Argument.listOf(Map.class));
        assertThat(peerYears).filteredOn(year -> ((Number) year.get("year")).intValue() == 2568).singleElement().satisfies(year -> {
            assertThat(year.get("masked")).isEqualTo(true);
            assertThat(((List<?>) year.get("scores")).stream().map(s -> (Object) ((Map<?, ?>) s).get("metric")).toList()).containsExactly("total");
            assertThat((List<?>) year.get("findings")).isEmpty();
            assertThat(((Map<?, ?>) year.get("level")).get("reasonEn")).isEqualTo(((Map<?, ?>) year.get("level")).get("nameEn"));
        });
        List<Map> ownYears = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/years")
                .bearerAuth(tokens.get("orguser")), Argument.listOf(Map.class));
        Map<?, ?> own2568 = ownYears.stream().filter(y -> ((Number) y.get("year")).intValue() == 2568).findFirst().orElseThrow();
        assertThat(own2568.get("masked")).isEqualTo(false);
        assertThat(((List<?>) own2568.get("scores")).stream().map(s -> (Object) ((Map<?, ?>) s).get("metric")).toList()).contains("ind1", "total");
    }

    private List<Map> get(String caller, String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.get(caller)), Argument.listOf(Map.class));
    }

    @Test
    void ranksOverTheWholeGroupAndShowsEachCallerOnlyTheRowsInScope() {
        Map<?, ?> own = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/rank?year=2568")
                .bearerAuth(tokens.get("orguser")), Map.class);
        assertThat(own.get("rank")).isEqualTo(1);
        assertThat(own.get("groupSize")).isEqualTo(2);
        assertThat(own.get("summaryTh")).isEqualTo("ลำดับที่ 1 จาก 2 หน่วยงานประเภท อปท. ในจังหวัดเชียงราย");
        assertThat(get("orguser", "/api/tenants/" + A + "/organizations/OWN/peers?year=2568")).extracting(r -> r.get("code"), r -> r.get("rank"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OWN", 1), org.assertj.core.groups.Tuple.tuple("PEER", 2));
        assertThat(status("orguser", HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/peers?year=2568&metric=ind1"))).isEqualTo(403);
        assertThat(status("analyst", HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/peers?year=2568&metric=ind1"))).isEqualTo(200);

        // Nationwide among ทต.: OWN (เชียงราย) and FAR (ตราด); the officer of เชียงราย sees only OWN's row, ranked among both.
        List<Map> nation = get("officer", "/api/tenants/" + A + "/organizations/OWN/peers?year=2568&group=NATION_TYPE");
        assertThat(nation).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("OWN");
            assertThat(row.get("groupSize")).isEqualTo(2);
        });
        assertThat(status("officer", HttpRequest.GET("/api/tenants/" + A + "/organizations/FAR/rank?year=2568"))).isEqualTo(404);
        assertThat(status("admin", HttpRequest.GET("/api/tenants/" + B + "/organizations/OWN/rank?year=2568"))).isEqualTo(404);
        assertThat(status("admin", HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/rank?year=2568&group=galaxy"))).isEqualTo(400);
    }

    @Test
    void servesAnalyticsOnlyWithinTheCallersScope() {
        String base = "/api/tenants/" + A;
        Map<String, List<Integer>> expected = Map.of(
                "analyst", List.of(200, 200, 200, 200, 200, 200, 200, 200),
                "officer", List.of(200, 200, 200, 404, 200, 200, 404, 200),
                "orguser", List.of(200, 200, 403, 403, 200, 403, 200, 200));
        List<String> paths = List.of(base + "/organizations/OWN/overview?year=2568", base + "/organizations/OWN/weaknesses?year=2568",
                base + "/organizations/PEER/weaknesses?year=2568", base + "/organizations/FAR/next-level?year=2568",
                base + "/provinces/57/summary?year=2568", base + "/provinces/57/weaknesses?year=2568", base + "/provinces/23/summary?year=2568",
                base + "/movers?year=2568");
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String caller : expected.keySet()) {
            actual.put(caller, paths.stream().map(path -> status(caller, HttpRequest.GET(path))).toList());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(status("orguser", HttpRequest.GET(base + "/provinces/57/summary?year=2568&metric=ind1"))).isEqualTo(403);
        Map<?, ?> peerOverview = client.toBlocking().retrieve(HttpRequest.GET(base + "/organizations/PEER/overview?year=2568")
                .bearerAuth(tokens.get("orguser")), Map.class);
        assertThat(peerOverview.get("weaknesses")).isNull();
        assertThat((List<?>) peerOverview.get("trends")).hasSize(1);
    }

    @Test
    void exportsCsvToAnalystsAdminsAndOfficersOfTheirProvinceOnlyAndAuditsIt() {
        String path = "/api/tenants/" + A + "/organizations/OWN/peers.csv?year=2568";
        HttpResponse<byte[]> csv = client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(tokens.get("analyst")), byte[].class);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.getContentType()).map(Object::toString).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(text).startsWith("\uFEFFรหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ,ตัวชี้วัด,คะแนน,ลำดับ,จำนวนในกลุ่ม");
        assertThat(text).contains("OWN,เทศบาลตำบลม่วงยาย,2568,total,95.41,1,2").contains(",ไม่ใช่,");
        String english = new String(client.toBlocking().exchange(HttpRequest.GET(path + "&lang=en").bearerAuth(tokens.get("analyst")), byte[].class).body(),
                StandardCharsets.UTF_8);
        assertThat(english).startsWith("\uFEFFcode,name_th,year,metric,score,rank,group_size").contains(",no,");
        assertThat(english).contains("OWN,เทศบาลตำบลม่วงยาย,2568,total,95.41,1,2");
        assertThat(status("orguser", HttpRequest.GET(path))).isEqualTo(403);
        assertThat(status("officer", HttpRequest.GET(path))).as("an officer exports their own province").isEqualTo(200);
        assertThat(status("officer", HttpRequest.GET("/api/tenants/" + A + "/organizations/FAR/peers.csv?year=2568"))).isEqualTo(404);
        for (String download : List.of("/provinces/summary.csv?year=2568", "/movers.csv?year=2568", "/provinces/57/weaknesses.csv?year=2568",
                "/organizations/PEER/trend.csv")) {
            assertThat(status("analyst", HttpRequest.GET("/api/tenants/" + A + download))).as(download).isEqualTo(200);
            assertThat(status("officer", HttpRequest.GET("/api/tenants/" + A + download))).as(download).isEqualTo(200);
            assertThat(status("orguser", HttpRequest.GET("/api/tenants/" + A + download))).as(download).isEqualTo(403);
        }
        // An organization's own trend is its own detail: its users export it too.
        assertThat(status("orguser", HttpRequest.GET("/api/tenants/" + A + "/organizations/OWN/trend.csv?metric=ind1"))).isEqualTo(200);
        assertThat(status("analyst", HttpRequest.GET("/api/tenants/" + B + "/provinces/summary.csv?year=2568"))).isEqualTo(404);
        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/audit").bearerAuth(tokens.get("admin")),
                Argument.listOf(Map.class));
        assertThat(audit).extracting(e -> e.get("action")).contains("EXPORT");
    }

    @Test
    void auditsEveryExportAsWhatHappenedToItAndARefusedOrFailedOneNeverAsAnExport() {
        String base = "/api/tenants/" + A + "/organizations/";
        assertThat(status("orguser", HttpRequest.GET(base + "PEER/trend.csv?metric=total"))).isEqualTo(403);
        assertThat(status("analyst", HttpRequest.GET(base + "OWN/trend.csv?metric=no-such-metric"))).isEqualTo(400);
        assertThat(status("analyst", HttpRequest.GET(base + "OWN/peers.csv?year=2568&metric=ind3"))).isEqualTo(200);

        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/audit?limit=500").bearerAuth(tokens.get("admin")),
                Argument.listOf(Map.class));
        assertThat(audit).filteredOn(e -> "trend of PEER".equals(e.get("target")) && "m-orguser".equals(e.get("actor")))
                .extracting(e -> e.get("action")).contains("EXPORT_REFUSED").doesNotContain("EXPORT");
        assertThat(audit).filteredOn(e -> "m-analyst".equals(e.get("actor")) && "no-such-metric (INVALID_INPUT)".equals(e.get("detail")))
                .extracting(e -> e.get("action")).containsExactly("EXPORT_FAILED");
        assertThat(audit).filteredOn(e -> "m-analyst".equals(e.get("actor")) && String.valueOf(e.get("detail")).startsWith("2568 ind3 PROVINCE"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("action")).isEqualTo("EXPORT");
                    assertThat((String) e.get("detail")).matches("2568 ind3 PROVINCE, \\d+ bytes");
                });
    }

    @Test
    void ranksASavedGroupAndMasksItPerCaller() {
        Map<?, ?> group = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + A + "/groups",
                Map.of("name", "ทต. ที่เทียบกัน", "organizationCodes", List.of("OWN", "FAR"))).bearerAuth(tokens.get("analyst")), Map.class);
        long id = ((Number) group.get("id")).longValue();
        String ranking = "/api/tenants/" + A + "/groups/" + id + "/ranking?year=2568";

        assertThat(get("analyst", ranking)).extracting(r -> r.get("code"), r -> r.get("rank"), r -> r.get("groupSize"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OWN", 1, 2), org.assertj.core.groups.Tuple.tuple("FAR", 2, 2));
        assertThat(get("officer", ranking)).extracting(r -> r.get("code"), r -> r.get("groupSize"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OWN", 2));
        assertThat(status("officer", HttpRequest.POST("/api/tenants/" + A + "/groups", Map.of("name", "x", "organizationCodes", List.of("FAR")))))
                .isEqualTo(404);
        assertThat(status("adminB", HttpRequest.GET(ranking.replace(A, B)))).isEqualTo(404);
        assertThat(status("orguser", HttpRequest.DELETE("/api/tenants/" + A + "/groups/" + id))).isEqualTo(403);
        assertThat(status("admin", HttpRequest.DELETE("/api/tenants/" + A + "/groups/" + id))).isEqualTo(204);
        assertThat(status("analyst", HttpRequest.GET(ranking))).isEqualTo(404);
    }

    @Test
    void drawsChartsOnlyOfWhatTheCallerMaySee() {
        String base = "/api/tenants/" + A + "/charts/";
        List<String> charts = List.of("ranking?code=OWN&year=2568", "trend?code=PEER", "trend?code=PEER&metrics=tools", "profile?code=PEER&year=2568",
                "heatmap?province=57&year=2568", "distribution?province=23&year=2568", "levels?year=2568", "ranking?code=OWN&year=2568&metric=ind1");
        Map<String, List<Integer>> expected = Map.of(
                "analyst", List.of(200, 200, 200, 200, 200, 200, 200, 200),
                "officer", List.of(200, 200, 200, 200, 200, 404, 200, 200),
                "orguser", List.of(200, 200, 403, 403, 403, 403, 200, 403));
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String caller : expected.keySet()) {
            actual.put(caller, charts.stream().map(chart -> status(caller, HttpRequest.GET(base + chart + "&width=400&height=300"))).toList());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(status("analyst", HttpRequest.GET("/api/tenants/" + B + "/charts/levels?year=2568"))).isEqualTo(404);
        assertThat(status(null, HttpRequest.GET(base + "levels?year=2568"))).isEqualTo(401);
    }

    @Test
    void handsOutAChartsDataOnlyUnderTheExportPolicyAndAuditsIt() {
        String base = "/api/tenants/" + A + "/charts/";
        // An organization user sees the ranking drawn, but its rows are peers' rows: as peers.csv, they are not theirs to take.
        assertThat(status("orguser", HttpRequest.GET(base + "ranking?code=OWN&year=2568&format=csv"))).isEqualTo(403);
        Map<?, ?> described = client.toBlocking().retrieve(HttpRequest.GET(base + "ranking?code=OWN&year=2568&format=json")
                .bearerAuth(tokens.get("orguser")), Map.class);
        assertThat(described.get("altText")).asString().isNotBlank();
        assertThat((List<?>) described.get("rows")).isEmpty();
        assertThat(described.get("rowsWithheld")).isEqualTo(true);
        // Its own profile is its own detail.
        assertThat(status("orguser", HttpRequest.GET(base + "profile?code=OWN&year=2568&format=csv"))).isEqualTo(200);
        Map<?, ?> full = client.toBlocking().retrieve(HttpRequest.GET(base + "ranking?code=OWN&year=2568&format=json")
                .bearerAuth(tokens.get("officer")), Map.class);
        assertThat((List<?>) full.get("rows")).isNotEmpty();
        assertThat(full.get("rowsWithheld")).isEqualTo(false);

        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/audit?limit=500").bearerAuth(tokens.get("admin")),
                Argument.listOf(Map.class));
        assertThat(audit).filteredOn(e -> "chart data ranking of OWN".equals(e.get("target")))
                .extracting(e -> e.get("actor"), e -> e.get("action"))
                .contains(org.assertj.core.groups.Tuple.tuple("m-orguser", "EXPORT_REFUSED"), org.assertj.core.groups.Tuple.tuple("m-officer", "EXPORT"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("m-orguser", "EXPORT"));
        assertThat(audit).filteredOn(e -> "chart data profile of OWN".equals(e.get("target")))
                .extracting(e -> e.get("actor"), e -> e.get("action")).contains(org.assertj.core.groups.Tuple.tuple("m-orguser", "EXPORT"));
        // The detail names the chart's own parameters, never "null" (the web UI asks from a page's request).
        assertThat(audit).filteredOn(e -> "chart data profile of OWN".equals(e.get("target")) && "m-orguser".equals(e.get("actor")))
                .extracting(e -> e.get("detail")).allSatisfy(detail -> assertThat(detail).asString()
                        .startsWith("code=OWN&group=PROVINCE&lang=th&metric=total&metrics=total&top=0&year=2568: ").doesNotContain("null"));
    }

    @Test
    void letsAProvinceOfficerListOnlyTheAssignedProvince() {
        List<Map> organizations = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/organizations")
                .bearerAuth(tokens.get("officer")), Argument.listOf(Map.class));
        assertThat(organizations).extracting(o -> o.get("code")).containsExactlyInAnyOrder("OWN", "PEER");
    }

    @Test
    void stopsARevokedTokenAndADisabledUser() {
        Map<?, ?> issued = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + A + "/tokens", Map.of("userId", userA, "days", 1))
                .bearerAuth(tokens.get("admin")), Map.class);
        tokens.put("script", (String) issued.get("token"));
        assertThat(status("script", HttpRequest.GET("/api/tenants/" + A + "/organizations"))).isEqualTo(200);

        assertThat(status("admin", HttpRequest.DELETE("/api/tenants/" + A + "/tokens/" + issued.get("id")))).isEqualTo(204);
        assertThat(status("script", HttpRequest.GET("/api/tenants/" + A + "/organizations"))).isEqualTo(401);

        String disabled = callers.token(A, "m-leaver", Role.ANALYST, List.of(), null);
        tokens.put("leaver", disabled);
        long leaver = ((List<Map>) client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/users").bearerAuth(tokens.get("admin")),
                Argument.listOf(Map.class))).stream().filter(u -> u.get("username").equals("m-leaver")).map(u -> ((Number) u.get("id")).longValue())
                .findFirst().orElseThrow();
        assertThat(status("admin", HttpRequest.POST("/api/tenants/" + A + "/users/" + leaver + "/disable", ""))).isEqualTo(200);
        assertThat(status("leaver", HttpRequest.GET("/api/tenants/" + A + "/organizations"))).isEqualTo(401);
    }

    @Test
    void signsInWithAPasswordThrottlesGuessingAndAuditsBoth() {
        callers.token(A, "m-person", Role.ANALYST, List.of(), null);
        Map<?, ?> session = client.toBlocking().retrieve(HttpRequest.POST("/api/sign-in",
                Map.of("username", "m-person", "password", "correct horse battery staple")), Map.class);
        tokens.put("person", (String) session.get("token"));
        assertThat(status("person", HttpRequest.GET("/api/tenants/" + A + "/organizations"))).isEqualTo(200);
        assertThat(status("person", HttpRequest.POST("/api/sign-out", ""))).isEqualTo(204);
        assertThat(status("person", HttpRequest.GET("/api/tenants/" + A + "/organizations"))).isEqualTo(401);

        List<Integer> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(status(null, HttpRequest.POST("/api/sign-in", Map.of("username", "m-person", "password", "wrong password " + i))));
        }
        assertThat(attempts).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(status(null, HttpRequest.POST("/api/sign-in", Map.of("username", "m-person", "password", "correct horse battery staple"))))
                .as("even the right password waits out the throttle").isEqualTo(429);

        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/audit").bearerAuth(tokens.get("admin")),
                Argument.listOf(Map.class));
        assertThat(audit).extracting(e -> e.get("action")).contains("SIGN_IN", "SIGN_OUT", "SIGN_IN_FAILED", "INGEST", "USER_CREATED", "TOKEN_CREATED");
    }
}
