package th.ita.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.core.access.Role;

/** A province officer drafts every LAO of their province at once: a job with progress, then a ZIP; scoped and audited. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobsIT implements TestPropertyProvider {
    private static final String A = "jobs-a";
    private static final String PEERS = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,ind1,80\n"
            + "OLD,ปอ,อบต.,เชียงราย,2567,total,70\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    th.ita.app.PlatformConfiguration configuration;

    private TestTenant tenant;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-jobs");
    }

    @BeforeAll
    void setUp() {
        tenant = new TestTenant(client, callers, A);
        tenant.uploadSeed("seed-002-long.csv");
        tenant.upload("peers.csv", PEERS);
        tenant.user("officer", "j-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null);
        tenant.user("other", "j-other", Role.PROVINCE_OFFICER, List.of("ตราด"), null);
        tenant.user("orguser", "j-orguser", Role.ORGANIZATION_USER, List.of(), "PEER");
    }

    @Test
    void draftsEveryOrganizationOfTheProvinceIntoOneZip() throws Exception {
        String start = "/api/tenants/" + A + "/provinces/57/reports/analysis-batch?year=2568&charts=false";
        HttpResponse<Map> started = tenant.call("officer", HttpRequest.POST(start, Map.of()), Argument.of(Map.class));

        assertThat(started.code()).isEqualTo(202);
        Map<?, ?> job = started.body();
        assertThat(job.get("total")).isEqualTo(2);
        assertThat((List<Object>) job.get("skipped")).containsExactly("OLD");
        String id = (String) job.get("id");
        String path = "/api/tenants/" + A + "/report-jobs/" + id;
        assertThat(started.header("Location")).isEqualTo(path);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!"DONE".equals(job.get("status")) && System.currentTimeMillis() < deadline) {
            assertThat(job.get("status")).isNotEqualTo("FAILED");
            Thread.sleep(200);
            job = tenant.call("officer", HttpRequest.GET(path), Argument.of(Map.class)).body();
        }
        assertThat(job.get("status")).isEqualTo("DONE");
        assertThat(job.get("done")).isEqualTo(2);

        byte[] zip = tenant.call("officer", HttpRequest.GET((String) job.get("download")), Argument.of(byte[].class)).body();
        List<String> names = new ArrayList<>();
        String muangYai = null;
        String index = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("index.tsv")) {
                    index = new String(bytes, StandardCharsets.UTF_8);
                } else if (!entry.getName().contains("PEER")) {
                    muangYai = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes))).getText();
                }
            }
        }
        assertThat(names).hasSize(3).contains("analysis-PEER-2568.docx", "index.tsv");
        assertThat(muangYai).contains("มีผลคะแนนการประเมิน 95.41 ระดับผลการประเมินคือ ผ่านดี").contains("ลำดับที่ 1 จาก 2 หน่วยงาน");
        assertThat(index).contains("PEER\tองค์การบริหารส่วนตำบลท่าข้าม\tanalysis-PEER-2568.docx").contains("OLD\tไม่มีคะแนนรวมปี 2568");

        // Scoped: another officer does not see the job; organization users may not batch; other provinces do not exist for the officer.
        assertThat(tenant.status("other", HttpRequest.GET(path))).isEqualTo(404);
        assertThat(tenant.status("other", HttpRequest.GET(path + "/drafts.zip"))).isEqualTo(404);
        assertThat(tenant.status("admin", HttpRequest.GET(path))).isEqualTo(200);
        assertThat(tenant.status("orguser", HttpRequest.POST(start, Map.of()))).isEqualTo(403);
        assertThat(tenant.status("other", HttpRequest.POST(start, Map.of()))).isEqualTo(404);
        assertThat(tenant.status("officer", HttpRequest.POST("/api/tenants/" + A + "/provinces/57/reports/analysis-batch?year=2561", Map.of()))).isEqualTo(404);
        List<Map> audit = tenant.call("admin", HttpRequest.GET("/api/tenants/" + A + "/audit"), Argument.listOf(Map.class)).body();
        assertThat(audit).filteredOn(e -> e.get("actor").equals("j-officer") && e.get("action").equals("EXPORT"))
                .extracting(e -> e.get("target")).contains("analysis report drafts of province 57", "analysis report drafts, job " + id);
    }

    @Test
    void saysWhyAJobFailedInTheCallersLanguageWithoutTheFaultsOwnText() throws Exception {
        java.nio.file.Path jobs = configuration.dataDirectory().resolve("report-jobs");
        java.nio.file.Path aside = configuration.dataDirectory().resolve("report-jobs-aside");
        if (java.nio.file.Files.exists(jobs)) {
            java.nio.file.Files.move(jobs, aside);
        }
        java.nio.file.Files.writeString(jobs, "not a directory: every job fails to write its ZIP");
        try {
            String start = "/api/tenants/" + A + "/provinces/57/reports/analysis-batch?year=2568&charts=false";
            Map<?, ?> job = tenant.call("officer", HttpRequest.POST(start, Map.of()), Argument.of(Map.class)).body();
            String path = "/api/tenants/" + A + "/report-jobs/" + job.get("id");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!"FAILED".equals(job.get("status")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                job = tenant.call("officer", HttpRequest.GET(path), Argument.of(Map.class)).body();
            }
            Map<?, ?> english = tenant.call("officer", HttpRequest.GET(path + "?lang=en"), Argument.of(Map.class)).body();

            assertThat(job.get("status")).isEqualTo("FAILED");
            assertThat(job.get("error")).isEqualTo("การจัดทำร่างรายงานขัดข้องในระบบ (ความผิดพลาดของระบบ ไม่ใช่ของข้อมูล) ดูรายละเอียดในบันทึกของระบบ");
            assertThat(english.get("error")).isEqualTo("a draft failed on our side (not because of the data); the log has the details");
        } finally {
            java.nio.file.Files.delete(jobs);
            if (java.nio.file.Files.exists(aside)) {
                java.nio.file.Files.move(aside, jobs);
            }
        }
    }
}
