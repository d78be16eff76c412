package th.ita.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.ita.charts.RenderPool;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.core.access.Role;

/**
 * The analysis report over HTTP: the seeds loaded as files, the draft downloaded as DOCX and PDF by
 * every role, with the answers each should get (scoped as the organization's own detail), audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisReportsIT implements TestPropertyProvider {
    private static final String A = "reports-a";
    private static final String B = "reports-b";
    private static final String PEER = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,ind1,80\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    RenderPool drawing;

    private TestTenant a;
    private String muangYai;
    private String nongSamet;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-reports");
    }

    @BeforeAll
    void setUp() {
        a = new TestTenant(client, callers, A);
        TestTenant b = new TestTenant(client, callers, B);
        for (TestTenant tenant : List.of(a, b)) {
            tenant.uploadSeed("seed-002-long.csv");
            tenant.uploadSeed("seed-004-long.csv");
        }
        a.upload("peer.csv", PEER);
        muangYai = a.organizationCode("ม่วงยาย");
        nongSamet = a.organizationCode("หนองเสม็ด");
        a.user("analyst", "r-analyst", Role.ANALYST, List.of(), null);
        a.user("officer", "r-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        a.user("orguser", "r-orguser", Role.ORGANIZATION_USER, List.of(), muangYai);
        a.user("peeruser", "r-peeruser", Role.ORGANIZATION_USER, List.of(), "PEER");
    }

    private HttpResponse<byte[]> get(String caller, String path) {
        return a.call(caller, HttpRequest.GET(path), Argument.of(byte[].class));
    }

    private int status(String caller, String path) {
        return a.status(caller, HttpRequest.GET(path));
    }

    private static String docx(String tenant, String code, String query) {
        return "/api/tenants/" + tenant + "/organizations/" + code + "/reports/analysis.docx?" + query;
    }

    @Test
    void givesTheDraftAsWordHoldingThePublishedFigures() throws IOException {
        HttpResponse<byte[]> response = get("orguser", docx(A, muangYai, "year=2568&charts=false"));

        assertThat(response.getContentType()).map(Object::toString).contains(AnalysisReports.DOCX);
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"analysis-" + muangYai + "-2568.docx\"");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("เรียน  นายกเทศมนตรีตำบลม่วงยาย").contains("มีผลคะแนนการประเมิน 95.41 ระดับผลการประเมินคือ ผ่านดี")
                    // Rank among the two LAOs of เชียงราย loaded here, and the seed's figures.
                    .contains("ลำดับที่ 1 จาก 2 หน่วยงาน").contains("98.67").contains("91.43").contains("50.00");
        }
        String thai = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                get("analyst", docx(A, muangYai, "year=2568&digits=thai&charts=false")).body()))).getText();
        assertThat(thai).contains("๙๕.๔๑").contains("๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙");
    }

    @Test
    void refusesADraftAtOnceWhileEveryPlaceOfTheDrawingPoolIsTaken() {
        List<RenderPool.Admission> taken = new ArrayList<>();
        try {
            while (true) {
                taken.add(drawing.admit());
            }
        } catch (RenderPool.Busy full) {
            // Every place is taken, as by as many charts being drawn.
        }
        try {
            HttpClientResponseException refused = catchThrowableOfType(() -> client.toBlocking().exchange(
                    HttpRequest.GET(docx(A, muangYai, "year=2568&charts=false")).bearerAuth(a.token("analyst")), byte[].class),
                    HttpClientResponseException.class);
            assertThat(refused.code()).isEqualTo(503);
            assertThat(refused.getResponse().header("Retry-After")).isNotBlank();
        } finally {
            taken.forEach(RenderPool.Admission::close);
        }
        assertThat(status("analyst", docx(A, muangYai, "year=2568&charts=false"))).isEqualTo(200);
    }

    @Test
    void answersEveryRoleAsTheOrganizationsOwnDetail() {
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // own organization (ม่วงยาย, เชียงราย), the other province's (หนองเสม็ด, ตราด), another tenant's path
        expected.put("admin", List.of(200, 200, 404));
        expected.put("analyst", List.of(200, 200, 404));
        expected.put("officer", List.of(200, 404, 404));
        expected.put("orguser", List.of(200, 403, 404));
        expected.put("peeruser", List.of(403, 403, 404));
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String caller : expected.keySet()) {
            actual.put(caller, List.of(status(caller, docx(A, muangYai, "year=2568&charts=false")), status(caller, docx(A, nongSamet, "year=2564&charts=false")),
                    status(caller, docx(B, muangYai, "year=2568&charts=false"))));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(status(null, docx(A, muangYai, "year=2568"))).isEqualTo(401);
        assertThat(status("orguser", docx(A, muangYai, "year=2567"))).isEqualTo(404);
        assertThat(status("orguser", docx(A, muangYai, "year=2568&digits=roman"))).isEqualTo(400);
        assertThat(status("orguser", "/api/tenants/" + A + "/organizations/" + muangYai + "/reports/analysis.pdf?year=2568&digits=roman")).isEqualTo(400);
        assertThat(status("officer", "/api/tenants/" + A + "/organizations/" + nongSamet + "/reports/analysis.pdf?year=2564")).isEqualTo(404);
    }

    @Test
    void auditsEveryDownloadAsAnExport() {
        get("officer", docx(A, muangYai, "year=2568&charts=false"));

        List<Map> audit = a.call("admin", HttpRequest.GET(a.base() + "/audit"), Argument.listOf(Map.class)).body();
        assertThat(audit).anySatisfy(event -> {
            assertThat(event.get("actor")).isEqualTo("r-officer");
            assertThat(event.get("action")).isEqualTo("EXPORT");
            assertThat(event.get("target")).isEqualTo("analysis report of " + muangYai);
            assertThat((String) event.get("detail")).startsWith("2568 docx");
        });
    }

    @Test
    void printsThePdfWithChromiumWhereItIsInstalled() {
        String path = "/api/tenants/" + A + "/organizations/" + nongSamet + "/reports/analysis.pdf?year=2564";
        if (th.ita.reports.pdf.ChromiumPdf.find(System.getenv("ITA_CHROMIUM")).isEmpty()) {
            assertThat(status("analyst", path)).isEqualTo(503);
            return;
        }
        HttpResponse<byte[]> response = get("analyst", path);

        assertThat(response.getContentType()).map(Object::toString).contains("application/pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"analysis-" + nongSamet + "-2564.pdf\"");
    }
}
