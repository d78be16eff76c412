package th.ita.app.report;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private final Map<String, String> tokens = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("ita.data-directory", Files.createTempDirectory("ita-jobs").toString(), "ita.demo.load-on-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upload(String name, byte[] file) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.TEXT_CSV_TYPE, file).build();
        client.toBlocking().exchange(HttpRequest.POST("/api/tenants/" + A + "/batches", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(tokens.get("admin")), Map.class);
    }

    @BeforeAll
    void setUp() throws IOException {
        tokens.put("admin", callers.admin(A));
        try (InputStream in = ReportJobsIT.class.getResourceAsStream("/seeds/seed-002-long.csv")) {
            upload("seed-002-long.csv", in.readAllBytes());
        }
        upload("peers.csv", PEERS.getBytes(StandardCharsets.UTF_8));
        tokens.put("officer", callers.token(A, "j-officer", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null));
        tokens.put("other", callers.token(A, "j-other", Role.PROVINCE_OFFICER, List.of("ตราด"), null));
        tokens.put("orguser", callers.token(A, "j-orguser", Role.ORGANIZATION_USER, List.of(), "PEER"));
    }

    private <T> HttpResponse<T> call(String caller, MutableHttpRequest<?> request, Argument<T> type) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(tokens.get(caller)), type);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(request.getPath() + " answered " + e.code() + ": " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    private int status(String caller, MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(tokens.get(caller)), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void draftsEveryOrganizationOfTheProvinceIntoOneZip() throws Exception {
        String start = "/api/tenants/" + A + "/provinces/57/reports/analysis-batch?year=2568&charts=false";
        HttpResponse<Map> started = call("officer", HttpRequest.POST(start, Map.of()), Argument.of(Map.class));

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
            job = call("officer", HttpRequest.GET(path), Argument.of(Map.class)).body();
        }
        assertThat(job.get("status")).isEqualTo("DONE");
        assertThat(job.get("done")).isEqualTo(2);

        byte[] zip = call("officer", HttpRequest.GET((String) job.get("download")), Argument.of(byte[].class)).body();
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
        assertThat(status("other", HttpRequest.GET(path))).isEqualTo(404);
        assertThat(status("other", HttpRequest.GET(path + "/drafts.zip"))).isEqualTo(404);
        assertThat(status("admin", HttpRequest.GET(path))).isEqualTo(200);
        assertThat(status("orguser", HttpRequest.POST(start, Map.of()))).isEqualTo(403);
        assertThat(status("other", HttpRequest.POST(start, Map.of()))).isEqualTo(404);
        assertThat(status("officer", HttpRequest.POST("/api/tenants/" + A + "/provinces/57/reports/analysis-batch?year=2561", Map.of()))).isEqualTo(404);
        List<Map> audit = call("admin", HttpRequest.GET("/api/tenants/" + A + "/audit"), Argument.listOf(Map.class)).body();
        assertThat(audit).filteredOn(e -> e.get("actor").equals("j-officer") && e.get("action").equals("EXPORT"))
                .extracting(e -> e.get("target")).contains("analysis report drafts of province 57", "analysis report drafts, job " + id);
    }
}
