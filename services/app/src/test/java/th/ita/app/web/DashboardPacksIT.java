package th.ita.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.core.access.Role;

/**
 * ZIP packs of an organization and of a province, downloaded as each role: what is inside (drafts that
 * open, the figures' XLSX and CSV, charts that are PNGs with their data, a README in Thai), who may
 * have them, the audit, and the bound on packs made at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPacksIT implements TestPropertyProvider {
    private static final String TENANT = "packs-a";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    private String adminToken;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-packs").toString(), "ita.demo.load-on-start", "false",
                    "ita.packs.concurrent", "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void setUp() {
        adminToken = callers.token(TENANT, "k-admin", Role.TENANT_ADMIN, List.of(), null);
        MultipartBody body = MultipartBody.builder().addPart("file", "scores.csv", MediaType.TEXT_CSV_TYPE,
                DashboardData.csv().getBytes(StandardCharsets.UTF_8)).build();
        client.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", body).contentType(MediaType.MULTIPART_FORM_DATA)
                .bearerAuth(adminToken));
        callers.token(TENANT, "k-analyst", Role.ANALYST, List.of(), null);
        callers.token(TENANT, "k-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        callers.token(TENANT, "k-orguser", Role.ORGANIZATION_USER, List.of(), DashboardData.OWN);
    }

    private Browser signedIn(String username) {
        Browser browser = new Browser(server.getURI());
        assertThat(browser.signIn(username, DashboardData.PASSWORD).status()).isEqualTo(303);
        return browser;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static boolean png(byte[] bytes) {
        return bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    private List<Map> audit() {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/audit?limit=500").bearerAuth(adminToken), Argument.listOf(Map.class));
    }

    @Test
    void givesAnOfficerAnOrganizationsDraftChartsAndFiguresInOneStreamedZip() throws IOException {
        Browser officer = signedIn("k-officer");
        Document page = officer.get("/organizations/" + DashboardData.OWN + "?year=2568").document();
        assertThat(page.select("#org-pack").attr("href")).isEqualTo("/exports/organizations/" + DashboardData.OWN + "/pack.zip?year=2568");
        assertThat(page.select("#org-pack").text()).isEqualTo("ดาวน์โหลดทั้งหมดเป็นชุดไฟล์ (ZIP)");

        Browser.Page pack = officer.get("/exports/organizations/" + DashboardData.OWN + "/pack.zip?year=2568");

        assertThat(pack.status()).isEqualTo(200);
        assertThat(pack.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/zip"));
        assertThat(pack.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("ita-5713001-2568.zip"));
        assertThat(pack.header("Content-Length")).as("streamed as it is written").isEmpty();
        Map<String, byte[]> entries = unzip(pack.response().body());
        String folder = "ita-5713001-2568/";
        assertThat(entries.keySet()).contains(folder + "analysis-5713001-2568.docx", folder + "organization-5713001.xlsx",
                folder + "organization-5713001.csv", folder + "charts/trend-tools.png", folder + "charts/trend-tools.csv",
                folder + "charts/trend-indicators.png", folder + "charts/profile-2568.png", folder + "charts/profile-2568.csv",
                folder + "charts/ranking-2568.png", folder + "README.txt");
        try (XWPFDocument draft = new XWPFDocument(new ByteArrayInputStream(entries.get(folder + "analysis-5713001-2568.docx")))) {
            assertThat(draft.getParagraphs().stream().map(p -> p.getText()).toList()).anySatisfy(text -> assertThat(text).contains("95.41"));
        }
        assertThat(entries).allSatisfy((name, bytes) -> {
            if (name.endsWith(".png")) {
                assertThat(png(bytes)).as(name).isTrue();
            }
        });
        assertThat(new String(entries.get(folder + "organization-5713001.csv"), StandardCharsets.UTF_8)).contains("2568,ผ่านดี").contains("95.41");
        String readme = new String(entries.get(folder + "README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("ชุดไฟล์ผลการประเมิน ITA ของเทศบาลตำบลม่วงยาย ปี 2568").contains("k-officer").contains("analysis-5713001-2568.docx");
        assertThat(entries.containsKey(folder + "analysis-5713001-2568.pdf") || readme.contains("ไม่มีไฟล์ PDF")).isTrue();
        assertThat(audit()).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("EXPORT");
            assertThat(event.get("actor")).isEqualTo("k-officer");
            assertThat(event.get("target")).isEqualTo("organization pack " + DashboardData.OWN);
        });
    }

    @Test
    void givesAProvincesTableChartsAndEveryDraftInOneZip() throws IOException {
        Browser officer = signedIn("k-officer");
        assertThat(officer.get("/provinces/57?year=2568").document().select("#province-pack").attr("href"))
                .isEqualTo("/exports/provinces/57/pack.zip?year=2568");

        Browser.Page pack = officer.get("/exports/provinces/57/pack.zip?year=2568");

        assertThat(pack.status()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(pack.response().body());
        String folder = "ita-province-57-2568/";
        assertThat(entries.keySet()).contains(folder + "province-57-2568.xlsx", folder + "province-57-2568.csv", folder + "charts/ranking-2568.png",
                folder + "charts/distribution-2568.png", folder + "charts/heatmap-2568.png", folder + "charts/levels.png", folder + "drafts/index.tsv",
                folder + "README.txt");
        List<String> drafts = entries.keySet().stream().filter(name -> name.startsWith(folder + "drafts/") && name.endsWith(".docx")).toList();
        assertThat(drafts).hasSize(6).contains(folder + "drafts/analysis-" + DashboardData.OWN + "-2568.docx");
        assertThat(entries.keySet()).noneMatch(name -> name.contains(DashboardData.FAR));
        assertThat(new String(entries.get(folder + "drafts/index.tsv"), StandardCharsets.UTF_8).lines().skip(1).toList()).hasSize(6);
        assertThat(new String(entries.get(folder + "province-57-2568.csv"), StandardCharsets.UTF_8)).contains("เทศบาลตำบลม่วงยาย");
        assertThat(audit()).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("EXPORT");
            assertThat(event.get("target")).isEqualTo("province pack 57");
        });
    }

    @Test
    void givesAnOrganizationUserTheirOwnPackWithoutPeersRows() throws IOException {
        Browser orgUser = signedIn("k-orguser");
        assertThat(orgUser.get("/organizations/" + DashboardData.OWN + "?year=2568").document().select("#org-pack")).hasSize(1);

        Browser.Page pack = orgUser.get("/exports/organizations/" + DashboardData.OWN + "/pack.zip?year=2568");

        assertThat(pack.status()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(pack.response().body());
        assertThat(entries.keySet()).contains("ita-5713001-2568/analysis-5713001-2568.docx", "ita-5713001-2568/charts/profile-2568.png")
                .noneMatch(name -> name.contains("ranking"));
        assertThat(new String(entries.get("ita-5713001-2568/organization-5713001.csv"), StandardCharsets.UTF_8))
                .doesNotContain(DashboardData.TOOL_FAILED);
    }

    @Test
    void refusesPacksToThoseWhoMayNotExportOrSeeTheDetail() {
        Browser orgUser = signedIn("k-orguser");
        assertThat(orgUser.get("/organizations/" + DashboardData.TOOL_FAILED + "?year=2568").document().select("#org-pack")).isEmpty();
        assertThat(orgUser.get("/exports/organizations/" + DashboardData.TOOL_FAILED + "/pack.zip?year=2568").status()).isEqualTo(403);
        assertThat(orgUser.get("/exports/provinces/57/pack.zip?year=2568").status()).isEqualTo(403);
        assertThat(orgUser.get("/provinces/57?year=2568").document().select("#province-pack")).isEmpty();
        Browser officer = signedIn("k-officer");
        assertThat(officer.get("/exports/organizations/" + DashboardData.FAR + "/pack.zip?year=2568").status()).isEqualTo(404);
        assertThat(officer.get("/exports/provinces/23/pack.zip?year=2568").status()).isEqualTo(404);
        assertThat(officer.get("/exports/organizations/" + DashboardData.OWN + "/pack.zip?year=2550").status()).isEqualTo(404);
        assertThat(signedIn("k-analyst").get("/exports/organizations/" + DashboardData.FAR + "/pack.zip?year=2568").status()).isEqualTo(200);
        assertThat(audit()).anySatisfy(event -> {
            assertThat(event.get("action")).isEqualTo("EXPORT_REFUSED");
            assertThat(event.get("actor")).isEqualTo("k-orguser");
            assertThat(event.get("target")).isEqualTo("province pack 57");
        });
    }

    @Test
    void makesNoMorePacksAtOnceThanConfiguredAndSaysWhenToComeBack() throws IOException, InterruptedException {
        Browser first = signedIn("k-analyst");
        Browser second = signedIn("k-admin");

        java.net.http.HttpResponse<InputStream> making = first.stream("/exports/provinces/57/pack.zip?year=2568");
        Browser.Page refused = second.get("/exports/provinces/57/pack.zip?year=2568");
        byte[] made;
        try (InputStream body = making.body()) {
            made = body.readAllBytes();
        }

        assertThat(making.statusCode()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).hasValue("30");
        assertThat(refused.body()).isEqualTo("ระบบกำลังจัดทำชุดไฟล์อื่นอยู่ โปรดลองใหม่ในอีก 30 วินาที");
        assertThat(unzip(made).keySet()).contains("ita-province-57-2568/README.txt");
        int again = 0;
        for (int attempt = 0; attempt < 50 && again != 200; attempt++) {
            Thread.sleep(100);
            again = second.get("/exports/organizations/" + DashboardData.OWN + "/pack.zip?year=2568").status();
        }
        assertThat(again).as("admitted once the first pack is done").isEqualTo(200);
    }
}
