package th.ita.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
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

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String muangYai;
    private String nongSamet;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-reports").toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] seed(String name) {
        try (InputStream in = AnalysisReportsIT.class.getResourceAsStream("/seeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upload(String tenant, String name, byte[] file) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.TEXT_CSV_TYPE, file).build();
        client.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + tenant + "/batches", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(tokens.get("admin" + tenant)), Map.class);
    }

    @BeforeAll
    void setUp() {
        tokens.put("admin" + A, callers.admin(A));
        tokens.put("admin" + B, callers.admin(B));
        for (String tenant : List.of(A, B)) {
            upload(tenant, "seed-002-long.csv", seed("seed-002-long.csv"));
            upload(tenant, "seed-004-long.csv", seed("seed-004-long.csv"));
        }
        upload(A, "peer.csv", PEER.getBytes(StandardCharsets.UTF_8));
        List<Map> organizations = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/organizations").bearerAuth(tokens.get("admin" + A)),
                Argument.listOf(Map.class));
        muangYai = code(organizations, "ม่วงยาย");
        nongSamet = code(organizations, "หนองเสม็ด");
        tokens.put("analyst", callers.token(A, "r-analyst", Role.ANALYST, List.of(), null));
        tokens.put("officer", callers.token(A, "r-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null));
        tokens.put("orguser", callers.token(A, "r-orguser", Role.ORGANIZATION_USER, List.of(), muangYai));
        tokens.put("peeruser", callers.token(A, "r-peeruser", Role.ORGANIZATION_USER, List.of(), "PEER"));
    }

    private static String code(List<Map> organizations, String name) {
        return organizations.stream().filter(o -> o.get("nameTh").equals(name)).map(o -> (String) o.get("code")).findFirst().orElseThrow();
    }

    private HttpResponse<byte[]> get(String caller, String path) {
        HttpRequest<?> request = caller == null ? HttpRequest.GET(path) : HttpRequest.GET(path).bearerAuth(tokens.get(caller));
        return client.toBlocking().exchange(request, byte[].class);
    }

    private int status(String caller, String path) {
        try {
            return get(caller, path).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
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
    void answersEveryRoleAsTheOrganizationsOwnDetail() {
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // own organization (ม่วงยาย, เชียงราย), the other province's (หนองเสม็ด, ตราด), another tenant's path
        expected.put("admin" + A, List.of(200, 200, 404));
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

        List<Map> audit = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + A + "/audit").bearerAuth(tokens.get("admin" + A)),
                Argument.listOf(Map.class));
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
