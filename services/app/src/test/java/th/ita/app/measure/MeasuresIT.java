package th.ita.app.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.core.access.Role;

/**
 * Measures over HTTP: หนองเสม็ด (seed 004, 2564) records its 2565 measures from the draft, reports how
 * they went, and 2565's result (a made-up file) measures their effect; the province reads them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeasuresIT implements TestPropertyProvider {
    private static final String A = "measures-a";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    private TestTenant tenant;
    private String nongSamet;
    private String base;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-measures");
    }

    @BeforeAll
    void setUp() {
        tenant = new TestTenant(client, callers, A);
        tenant.uploadSeed("seed-004-long.csv");
        nongSamet = tenant.organizationCode("หนองเสม็ด");
        tenant.upload("2565.csv", "organization_code,year,metric,value\n" + nongSamet + ",2565,total,60.00\n" + nongSamet + ",2565,ind4,80.00\n"
                + nongSamet + ",2565,ind7,60.00\n" + nongSamet + ",2565,ind10,40.00\n");
        tenant.user("orguser", "ms-orguser", Role.ORGANIZATION_USER, List.of(), nongSamet);
        tenant.user("officer", "ms-officer", Role.PROVINCE_OFFICER, List.of("ตราด"), null);
        tenant.user("elsewhere", "ms-elsewhere", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        tenant.user("analyst", "ms-analyst", Role.ANALYST, List.of(), null);
        base = tenant.base() + "/organizations/" + nongSamet;
    }

    private List<Map> measures(String caller) {
        return tenant.call(caller, HttpRequest.GET(base + "/measures?year=2565"), Argument.listOf(Map.class)).body();
    }

    @Test
    @Order(1)
    void recordsNextYearsMeasuresFromTheDraftWithTheirEffect() {
        HttpResponse<List<Map>> created = tenant.call("orguser", HttpRequest.POST(base + "/measures/draft?year=2564", Map.of()), Argument.listOf(Map.class));

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).extracting(m -> m.get("target"), m -> m.get("fiscalYear"), m -> m.get("status"), m -> m.get("owner"),
                        m -> m.get("before"), m -> m.get("after"), m -> m.get("change"), m -> m.get("improved"))
                .containsExactly(tuple("ind4", 2565, "PLANNED", "", 67.16, 80.0, 12.84, true), tuple("ind7", 2565, "PLANNED", "", 62.56, 60.0, -2.56, false),
                        tuple("ind10", 2565, "PLANNED", "", 11.17, 40.0, 28.83, true));
        assertThat(created.body().get(0).get("period")).isEqualTo("1 ตุลาคม 2564 – 30 กันยายน 2565");
        assertThat(tenant.status("orguser", HttpRequest.POST(base + "/measures/draft?year=2564", Map.of()))).isEqualTo(409);
    }

    @Test
    @Order(2)
    void updatesAMeasureWithItsResultAndEvidenceAndRejectsBadFields() {
        Map<?, ?> first = measures("orguser").get(0);
        Map<String, Object> update = new LinkedHashMap<>(Map.of("fiscalYear", 2565, "target", "ind4", "title", first.get("title"), "method", first.get("method"),
                "owner", "กองคลัง", "period", first.get("period"), "status", "DONE", "result", "จัดทำคู่มือการยืมทรัพย์สินและเผยแพร่แล้ว",
                "evidenceUrl", "https://nongsamet.go.th/ita/o27"));

        Map<?, ?> updated = tenant.call("orguser", HttpRequest.PUT(base + "/measures/" + first.get("id"), update), Argument.of(Map.class)).body();

        assertThat(updated.get("status")).isEqualTo("DONE");
        assertThat(updated.get("statusTh")).isEqualTo("ดำเนินการแล้วเสร็จ");
        assertThat(updated.get("owner")).isEqualTo("กองคลัง");
        update.put("evidenceUrl", "ftp://nongsamet.go.th/x");
        assertThat(tenant.status("orguser", HttpRequest.PUT(base + "/measures/" + first.get("id"), update))).isEqualTo(400);
        update.put("evidenceUrl", "");
        update.put("target", "IIT");
        assertThat(tenant.status("orguser", HttpRequest.PUT(base + "/measures/" + first.get("id"), update))).isEqualTo(400);
        update.put("target", "ind4");
        update.put("status", "MAYBE");
        assertThat(tenant.status("orguser", HttpRequest.PUT(base + "/measures/" + first.get("id"), update))).isEqualTo(400);
        update.put("status", "DONE");
        assertThat(tenant.status("officer", HttpRequest.PUT(base + "/measures/" + first.get("id"), update))).isEqualTo(403);
        assertThat(tenant.status("analyst", HttpRequest.POST(base + "/measures", update))).isEqualTo(403);
        assertThat(tenant.status("orguser", HttpRequest.PUT(base + "/measures/999999", update))).isEqualTo(404);
    }

    @Test
    @Order(3)
    void showsTheMeasuresToProvinceStaffOfTheirLaosOnly() {
        assertThat(measures("officer")).hasSize(3);
        assertThat(tenant.status("elsewhere", HttpRequest.GET(base + "/measures?year=2565"))).isEqualTo(404);
        List<Map> province = tenant.call("officer", HttpRequest.GET("/api/tenants/" + A + "/provinces/23/measures?year=2565"), Argument.listOf(Map.class)).body();
        assertThat(province).extracting(m -> m.get("organizationCode"), m -> m.get("target"), m -> m.get("improved"))
                .containsExactly(tuple(nongSamet, "ind4", true), tuple(nongSamet, "ind7", false), tuple(nongSamet, "ind10", true));
        assertThat(tenant.status("elsewhere", HttpRequest.GET("/api/tenants/" + A + "/provinces/23/measures?year=2565"))).isEqualTo(404);
        assertThat(tenant.status("orguser", HttpRequest.GET("/api/tenants/" + A + "/provinces/23/measures?year=2565"))).isEqualTo(403);
        assertThat(tenant.status("analyst", HttpRequest.GET("/api/tenants/" + A + "/provinces/23/measures?year=2565"))).isEqualTo(200);
    }

    @Test
    @Order(4)
    void writesTheFollowUpReportWithResultsEffectsAndRecommendations() throws IOException {
        HttpResponse<byte[]> response = tenant.call("officer", HttpRequest.GET(base + "/reports/follow-up.docx?year=2565"), Argument.of(byte[].class));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
                    .contains("เทศบาลตำบลหนองเสม็ด อำเภอเมืองตราด จังหวัดตราด ประจำปีงบประมาณ พ.ศ. 2565")
                    .contains("ดำเนินการแล้วเสร็จ").contains("https://nongsamet.go.th/ita/o27").contains("กองคลัง")
                    .contains("67.16 → 80.00 (+12.84)").contains("คะแนนเพิ่มขึ้น 12.84 คะแนน ควรดำเนินมาตรการนี้อย่างต่อเนื่อง")
                    .contains("62.56 → 60.00 (-2.56)").contains("เร่งดำเนินการให้แล้วเสร็จ");
        }
        assertThat(tenant.status("elsewhere", HttpRequest.GET(base + "/reports/follow-up.docx?year=2565"))).isEqualTo(404);
    }

    @Test
    @Order(5)
    void deletesAMeasure() {
        Map<?, ?> last = measures("orguser").get(2);

        assertThat(tenant.status("orguser", HttpRequest.DELETE(base + "/measures/" + last.get("id")))).isEqualTo(204);
        assertThat(measures("orguser")).hasSize(2);
        assertThat(tenant.status("admin", HttpRequest.POST(base + "/measures", Map.of("fiscalYear", 2565, "target", "o27", "title", "เผยแพร่มาตรการ"))))
                .isEqualTo(400);
        assertThat(tenant.status("admin", HttpRequest.POST(base + "/measures", Map.of("fiscalYear", 2565, "target", "ind10", "title", "เผยแพร่มาตรการ"))))
                .isEqualTo(201);
    }
}
