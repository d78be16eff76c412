package th.ita.app.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;

/** Answers read in Thai by default and in English on request, never both in one text; codes stay the same. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageOfAnswersIT implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-language");
    }

    private Map<?, ?> problem(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected a problem from " + request.getPath());
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
    }

    private static final String TENANT = "language-a";
    private static final String FILE = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,ind1,98.67\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,ind2,80\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\nPEER,ท่าข้าม,อบต.,เชียงราย,2567,total,90\nOWN,ม่วงยาย,ทต.,เชียงราย,2567,total,91\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,ind1,120\n";
    private String token;

    @BeforeAll
    void setUp() {
        token = callers.admin(TENANT);
        MultipartBody body = MultipartBody.builder().addPart("file", "scores.csv", MediaType.TEXT_CSV_TYPE, FILE.getBytes(StandardCharsets.UTF_8)).build();
        Map<?, ?> uploaded = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        batch = ((Number) ((Map<?, ?>) uploaded.get("batch")).get("id")).longValue();
    }

    private long batch;

    @Test
    void explainsRowErrorsInThaiByDefaultAndInEnglishOnRequestWithTheSameCode() {
        List<Map> thai = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + batch + "/errors").bearerAuth(token), Argument.listOf(Map.class));
        List<Map> english = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + batch + "/errors?lang=en").bearerAuth(token),
                Argument.listOf(Map.class));

        assertThat(thai).singleElement().satisfies(error -> {
            assertThat(((Map<?, ?>) error).get("code")).isEqualTo("OUT_OF_RANGE");
            assertThat(((Map<?, ?>) error).get("message")).isEqualTo("คะแนน 120 อยู่นอกช่วง 0–100");
        });
        assertThat(english).singleElement().satisfies(error -> {
            assertThat(((Map<?, ?>) error).get("code")).isEqualTo("OUT_OF_RANGE");
            assertThat(((Map<?, ?>) error).get("message")).isEqualTo("score 120 is outside 0–100");
        });
    }

    @Test
    void givesTheLevelAndItsReasonInTheCallersLanguage() {
        List<Map> thai = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/years").bearerAuth(token), Argument.listOf(Map.class));
        List<Map> english = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/years")
                .header("Accept-Language", "en").bearerAuth(token), Argument.listOf(Map.class));
        Map<?, ?> thaiLevel = (Map<?, ?>) ((Map<?, ?>) thai.get(thai.size() - 1)).get("level");
        Map<?, ?> englishLevel = (Map<?, ?>) ((Map<?, ?>) english.get(english.size() - 1)).get("level");

        assertThat(thaiLevel.get("code")).isEqualTo(englishLevel.get("code"));
        assertThat(thaiLevel.get("name")).isEqualTo(thaiLevel.get("nameTh"));
        assertThat(englishLevel.get("name")).isEqualTo(englishLevel.get("nameEn"));
        assertThat(thaiLevel.get("reason")).isEqualTo(thaiLevel.get("reasonTh")).asString().isEqualTo("ผ่าน ไม่ใช่ ผ่านดี เพราะ IIT ไม่มีคะแนน, EIT ไม่มีคะแนน, OIT ไม่มีคะแนน");
        assertThat(englishLevel.get("reason")).isEqualTo(englishLevel.get("reasonEn")).asString().isEqualTo("Pass, not Good pass: IIT has no score, EIT has no score, OIT has no score");
        List<?> changes = (List<?>) ((Map<?, ?>) english.get(english.size() - 1)).get("methodologyChanges");
        assertThat(changes).allSatisfy(change -> assertThat((String) change).doesNotContain(" / "));
    }

    private Map<?, ?> get(String path, String acceptLanguage) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/tenants/" + TENANT + path).bearerAuth(token);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.toBlocking().retrieve(request, Map.class);
    }

    @Test
    void explainsWeaknessesInThaiByDefaultAndInEnglishOnRequestWithTheSameCodes() {
        Map<?, ?> thai = (Map<?, ?>) ((List<?>) get("/organizations/OWN/weaknesses?year=2568", null).get("weaknesses")).get(0);
        Map<?, ?> english = (Map<?, ?>) ((List<?>) get("/organizations/OWN/weaknesses?year=2568", "en").get("weaknesses")).get(0);

        assertThat(thai.get("indicator")).isEqualTo("ind2");
        assertThat(thai.get("reasons")).isEqualTo(List.of("BELOW_THRESHOLD", "LOWEST_OF_TOOL")).isEqualTo(english.get("reasons"));
        assertThat(thai.get("explanations")).isEqualTo(List.of(Map.of("code", "BELOW_THRESHOLD", "message", "ต่ำกว่าเป้าหมาย 85 คะแนน"),
                Map.of("code", "LOWEST_OF_TOOL", "message", "ต่ำสุดในเครื่องมือ IIT")));
        assertThat(english.get("explanations")).isEqualTo(List.of(Map.of("code", "BELOW_THRESHOLD", "message", "below the target of 85"),
                Map.of("code", "LOWEST_OF_TOOL", "message", "the lowest indicator of IIT")));
        assertThat(thai.get("severity")).isEqualTo("MEDIUM").isEqualTo(english.get("severity"));
        assertThat(thai.get("severityText")).isEqualTo("ปานกลาง");
        assertThat(english.get("severityText")).isEqualTo("medium");
        assertThat(thai.get("name")).isEqualTo("การใช้งบประมาณ");
        assertThat(english.get("name")).isEqualTo("Use of budget");
    }

    @Test
    void namesTheRankingGroupInTheCallersLanguageAndKeepsTheThaiSummary() {
        Map<?, ?> thai = get("/organizations/OWN/rank?year=2568", null);
        Map<?, ?> english = get("/organizations/OWN/rank?year=2568&lang=en", "th");

        assertThat(thai.get("summary")).isEqualTo("ลำดับที่ 1 จาก 2 หน่วยงานประเภท อปท. ในจังหวัดเชียงราย").isEqualTo(thai.get("summaryTh"));
        assertThat(english.get("summary")).isEqualTo("rank 1 of 2 LAOs of Chiang Rai");
        assertThat(english.get("summaryTh")).isEqualTo(thai.get("summaryTh"));
        assertThat(english.get("rank")).isEqualTo(thai.get("rank"));
    }

    @Test
    void refusesBadQueryValuesNamingTheFieldInTheCallersLanguage() {
        Map<?, ?> group = problem(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/rank?year=2568&group=galaxy").bearerAuth(token));
        assertThat(group.get("status")).isEqualTo(400);
        assertThat(group.get("code")).isEqualTo("INVALID_INPUT");
        assertThat(group.get("errors")).isEqualTo(List.of(Map.of("field", "group", "value", "galaxy", "code", "ONE_OF",
                "message", "ต้องเป็นหนึ่งใน PROVINCE, PROVINCE_TYPE, NATION_TYPE")));
        assertThat(group.get("detail")).isEqualTo("ค่า 'galaxy' ของ group ไม่ถูกต้อง: ต้องเป็นหนึ่งใน PROVINCE, PROVINCE_TYPE, NATION_TYPE");

        Map<?, ?> year = problem(HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/weaknesses?year=2025").bearerAuth(token)
                .header("Accept-Language", "en"));
        assertThat(year.get("errors")).isEqualTo(List.of(Map.of("field", "year", "value", "2025", "code", "YEAR_RANGE",
                "message", "the year must be between 2500 and 2700 (BE)")));

        Map<?, ?> limit = problem(HttpRequest.GET("/api/tenants/" + TENANT + "/movers?year=2568&limit=0&lang=en").bearerAuth(token));
        assertThat(limit.get("detail")).isEqualTo("limit '0' is not valid: must be at least 1");

        Map<?, ?> metric = problem(HttpRequest.GET("/api/tenants/" + TENANT + "/provinces/57/summary?year=2568&metric=" + "x".repeat(101)).bearerAuth(token));
        assertThat((List<?>) metric.get("errors")).singleElement().satisfies(error -> {
            assertThat(((Map<?, ?>) error).get("field")).isEqualTo("metric");
            assertThat(((Map<?, ?>) error).get("code")).isEqualTo("LENGTH");
        });
    }

    @Test
    void answersProblemsInThaiUnlessEnglishIsAskedForWithTheSameCode() {
        String path = "/api/tenants/" + TENANT + "/organizations/NOPE";
        Map<?, ?> thai = problem(HttpRequest.GET(path).bearerAuth(token));
        Map<?, ?> byHeader = problem(HttpRequest.GET(path).bearerAuth(token).header("Accept-Language", "en-US,en;q=0.9"));
        Map<?, ?> byQuery = problem(HttpRequest.GET(path + "?lang=en").bearerAuth(token).header("Accept-Language", "th"));

        assertThat(thai.get("code")).isEqualTo("NOT_FOUND");
        assertThat(thai.get("detail")).isEqualTo("ไม่พบหน่วยงานรหัส NOPE");
        assertThat(thai.get("title")).isEqualTo("ไม่พบข้อมูล");
        assertThat(byHeader.get("code")).isEqualTo("NOT_FOUND");
        assertThat(byHeader.get("detail")).isEqualTo("organization NOPE not found");
        assertThat(byHeader.get("title")).isEqualTo("Not Found");
        assertThat(byQuery).isEqualTo(byHeader);
    }

    @Test
    void refusesAWrongPasswordInTheCallersLanguage() {
        Map<String, String> wrong = Map.of("username", "nobody-here", "password", "not the password", "tenant", TENANT);
        Map<?, ?> thai = problem(HttpRequest.POST("/api/sign-in", wrong));
        Map<?, ?> english = problem(HttpRequest.POST("/api/sign-in?lang=en", wrong));

        assertThat(thai.get("code")).isEqualTo("UNAUTHORIZED").isEqualTo(english.get("code"));
        assertThat(thai.get("title")).isEqualTo("ต้องเข้าสู่ระบบ");
        assertThat(thai.get("detail")).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
        assertThat(english.get("title")).isEqualTo("Unauthorized");
        assertThat(english.get("detail")).isEqualTo("wrong username or password");
    }

    @Test
    void asksForASignInInTheCallersLanguage() {
        assertThat(problem(HttpRequest.GET("/api/tenants/language-a/organizations")).get("detail")).asString().startsWith("กรุณาเข้าสู่ระบบก่อน");
        assertThat(problem(HttpRequest.GET("/api/tenants/language-a/organizations?lang=en")).get("detail")).asString().startsWith("sign in first");
    }

    @Test
    void namesMoversAndTheirMovesInThaiByDefaultAndInEnglishOnRequestWithTheSameCodes() {
        Map<?, ?> thai = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/movers?year=2568&province=57").bearerAuth(token), Map.class);
        Map<?, ?> english = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/movers?year=2568&province=57")
                .header("Accept-Language", "en-GB,en;q=0.9").bearerAuth(token), Map.class);

        Map<?, ?> riser = (Map<?, ?>) ((List<?>) thai.get("risers")).get(0);
        assertThat(riser.get("code")).isEqualTo("OWN");
        assertThat(riser.get("direction")).isEqualTo("RISER");
        assertThat(riser.get("directionText")).isEqualTo("คะแนนเพิ่มขึ้น");
        assertThat(riser.get("summary")).isEqualTo("เทศบาลตำบลม่วงยาย: 91.00 → 95.41 (+4.41)");
        assertThat(riser.get("province")).isEqualTo("เชียงราย");
        assertThat(thai.get("group")).isEqualTo("เชียงราย");
        assertThat(thai.get("metricName")).isEqualTo("คะแนนรวม");

        Map<?, ?> faller = (Map<?, ?>) ((List<?>) english.get("fallers")).get(0);
        assertThat(faller.get("code")).isEqualTo("PEER");
        assertThat(faller.get("direction")).isEqualTo("FALLER");
        assertThat(faller.get("directionText")).isEqualTo("faller");
        assertThat(faller.get("summary")).isEqualTo("องค์การบริหารส่วนตำบลท่าข้าม: 90.00 → 88.50 (-1.50)");
        assertThat(faller.get("province")).isEqualTo("Chiang Rai");
        assertThat(english.get("group")).isEqualTo("Chiang Rai");
        assertThat(english.get("metricName")).isEqualTo("Total");
        assertThat((List<?>) english.get("breakNotes")).isNotEmpty().allSatisfy(note -> assertThat(note).asString().doesNotContainPattern("[\\u0E00-\\u0E7F]"));
        assertThat((List<?>) thai.get("breakNotes")).hasSameSizeAs((List<?>) english.get("breakNotes"));
    }

    private Map<?, ?> uploadProblem(String fileName, String contents, String query, String language) {
        MultipartBody body = MultipartBody.builder().addPart("file", fileName, MediaType.TEXT_CSV_TYPE, contents.getBytes(StandardCharsets.UTF_8)).build();
        return problem(HttpRequest.POST("/api/tenants/" + TENANT + "/batches" + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(token).header("Accept-Language", language));
    }

    @Test
    void refusesUnreadableFilesAndUploadOptionsInTheCallersLanguage() {
        assertThat(uploadProblem("empty.csv", "", "", "th").get("detail")).isEqualTo("ไฟล์ empty.csv ว่างเปล่า");
        assertThat(uploadProblem("empty.csv", "", "", "en").get("detail")).isEqualTo("the file empty.csv is empty");

        String truncated = "organization_code,year,metric,value\nOWN,2568,total,95.41\n\"OWN,2568";
        assertThat(uploadProblem("truncated.csv", truncated, "", "th").get("detail")).isEqualTo("บรรทัด 3: อ่าน CSV ต่อไม่ได้: ไฟล์ขาดหรือผิดรูปแบบ");
        assertThat(uploadProblem("truncated.csv", truncated, "", "en").get("detail"))
                .isEqualTo("line 3: the CSV cannot be read on: the file is truncated or malformed");

        String utf16 = new String("organization_code,year\n".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
        MultipartBody binary = MultipartBody.builder().addPart("file", "utf16.csv", MediaType.TEXT_CSV_TYPE, utf16.getBytes(StandardCharsets.ISO_8859_1)).build();
        Map<?, ?> wrongEncoding = problem(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", binary).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(token));
        assertThat(wrongEncoding.get("detail")).asString().startsWith("ไฟล์มีไบต์ NUL").contains("UTF-8");

        Map<?, ?> similar = uploadProblem("scores.csv", "organization_code,year,metric,value\nOWN,2568,total,95.41\n", "?similarNames=maybe", "en");
        assertThat(similar.get("detail")).isEqualTo("similarNames 'maybe' is not valid: must be one of hold, register");

        MultipartBody noFile = MultipartBody.builder().addPart("format", "csv").build();
        Map<?, ?> thai = problem(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", noFile).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token));
        Map<?, ?> english = problem(HttpRequest.POST("/api/tenants/" + TENANT + "/batches?lang=en", noFile).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(token));
        assertThat(thai.get("detail")).isEqualTo("ฟอร์มไม่มีฟิลด์ 'file' ที่เป็นไฟล์ที่จะนำเข้า");
        assertThat(english.get("detail")).isEqualTo("the form has no field 'file' with the file to load");
    }

    @Test
    void saysWhyABatchFailedInThaiByDefaultAndInEnglishOnRequestWithTheSameKey() {
        Map<?, ?> rejected = uploadProblem("all-rejected.csv", "organization_code,year,metric,value\nOWN,2568,total,120\n", "", "th");
        Map<?, ?> rejectedBatch = (Map<?, ?>) rejected.get("batch");
        assertThat(rejectedBatch.get("status")).isEqualTo("FAILED");
        assertThat(rejectedBatch.get("failure")).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
        assertThat(rejectedBatch.get("failureKey")).isEqualTo("batch.failure.noValidScores");
        long id = ((Number) rejectedBatch.get("id")).longValue();

        Map<?, ?> english = get("/batches/" + id + "?lang=en", null);
        assertThat(english.get("failure")).isEqualTo("no valid scores in the file: every row was rejected");
        assertThat(english.get("failureKey")).isEqualTo("batch.failure.noValidScores");
        assertThat(get("/batches/" + id, null).get("failure")).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");

        uploadProblem("cut.csv", "organization_code,year,metric,value\nOWN,2568,total,95.41\n\"OWN,2568", "", "en");
        List<Map> thaiList = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches?limit=1").bearerAuth(token),
                Argument.listOf(Map.class));
        List<Map> englishList = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches?limit=1")
                .header("Accept-Language", "en").bearerAuth(token), Argument.listOf(Map.class));
        assertThat(thaiList).singleElement().satisfies(b -> {
            assertThat(b.get("fileName")).isEqualTo("cut.csv");
            assertThat(b.get("failure")).isEqualTo("บรรทัด 3: อ่าน CSV ต่อไม่ได้: ไฟล์ขาดหรือผิดรูปแบบ");
            assertThat(b.get("failureKey")).isEqualTo("file.atLine");
        });
        assertThat(englishList).singleElement().satisfies(b ->
                assertThat(b.get("failure")).isEqualTo("line 3: the CSV cannot be read on: the file is truncated or malformed"));
    }

    @Test
    void namesTheProvinceOfARowErrorInThaiOrInEnglishFromTheReferenceData() {
        String file = "organization_code,organization_name,organization_type,province,district,year,metric,value\n"
                + "OWN,ม่วงยาย,ทต.,ตราด,,2568,total,95.41\n"
                + ",หนองใหม่,อบต.,เชียงราย,ไม่มีอำเภอนี้,2568,total,80\n"
                + "PEER,ท่าข้าม,อบต.,เชียงราย,,2568,rank,ห้า\n";
        MultipartBody body = MultipartBody.builder().addPart("file", "provinces.csv", MediaType.TEXT_CSV_TYPE, file.getBytes(StandardCharsets.UTF_8)).build();
        Map<?, ?> uploaded;
        try {
            uploaded = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", body)
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        } catch (HttpClientResponseException e) {
            uploaded = e.getResponse().getBody(Map.class).orElseThrow();
        }
        long id = ((Number) ((Map<?, ?>) uploaded.get("batch")).get("id")).longValue();
        List<Map> thai = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + id + "/errors").bearerAuth(token),
                Argument.listOf(Map.class));
        List<Map> english = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + id + "/errors?lang=en").bearerAuth(token),
                Argument.listOf(Map.class));

        assertThat(thai).extracting(e -> e.get("code")).containsExactly("PROVINCE_MISMATCH", "UNKNOWN_DISTRICT", "INVALID_RANK");
        assertThat(english).extracting(e -> e.get("code")).containsExactly("PROVINCE_MISMATCH", "UNKNOWN_DISTRICT", "INVALID_RANK");
        assertThat(thai).extracting(e -> e.get("message")).containsExactly("หน่วยงาน OWN อยู่ในจังหวัด เชียงราย ไม่ใช่ ตราด",
                "ไม่พบอำเภอ 'ไม่มีอำเภอนี้' ในจังหวัดเชียงราย", "ลำดับต้องเป็นจำนวนเต็มตั้งแต่ 1 (50, ๕๐ หรือ ลำดับที่ 50)");
        assertThat(english).extracting(e -> e.get("message")).containsExactly("organization OWN is in province Chiang Rai, not Trat",
                "no district 'ไม่มีอำเภอนี้' in Chiang Rai", "a rank is a whole number from 1, in Arabic or Thai digits (50)");
    }

    @Test
    void explainsACarriedForwardFindingInThaiAndInEnglish() {
        MultipartBody body = MultipartBody.builder().addPart("file", "total-only.csv", MediaType.TEXT_CSV_TYPE,
                "organization_code,year,metric,value\nOWN,2568,total,95.41\n".getBytes(StandardCharsets.UTF_8)).build();
        Map<?, ?> uploaded = client.toBlocking().retrieve(HttpRequest.POST("/api/tenants/" + TENANT + "/batches", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        long id = ((Number) ((Map<?, ?>) uploaded.get("batch")).get("id")).longValue();

        List<Map> thai = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + id + "/findings").bearerAuth(token),
                Argument.listOf(Map.class));
        List<Map> english = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/batches/" + id + "/findings")
                .header("Accept-Language", "en").bearerAuth(token), Argument.listOf(Map.class));

        // The first batch gave ind1 and ind2 of OWN's 2568 besides its total: both are carried forward, not erased.
        assertThat(thai).singleElement().satisfies(f -> {
            assertThat(f.get("kind")).isEqualTo("CARRIED_FORWARD");
            assertThat(f.get("message")).isEqualTo("ยกคะแนน 2 รายการที่ไฟล์นี้ไม่ได้ให้มา มาจากชุดข้อมูลที่ " + batch + " (ไม่ลบทิ้ง)");
        });
        assertThat(english).singleElement().satisfies(f -> assertThat(f.get("message"))
                .isEqualTo("carried forward 2 scores the file does not give from batch " + batch + " (not erased)"));
    }

    @Test
    void refusesAccountsInTheCallersLanguage() {
        String path = "/api/tenants/" + TENANT + "/users";
        Map<String, Object> shortPassword = Map.of("username", "short-password", "role", "ANALYST", "password", "short");
        assertThat(problem(HttpRequest.POST(path, shortPassword).bearerAuth(token)).get("detail")).asString().startsWith("password: ต้องยาวอย่างน้อย");
        assertThat(problem(HttpRequest.POST(path + "?lang=en", shortPassword).bearerAuth(token)).get("detail")).asString()
                .startsWith("password: at least");

        Map<String, Object> taken = Map.of("username", "admin-" + TENANT, "role", "ANALYST", "password", "correct horse battery staple");
        Map<?, ?> thai = problem(HttpRequest.POST(path, taken).bearerAuth(token));
        assertThat(thai.get("status")).isEqualTo(409);
        assertThat(thai.get("detail")).isEqualTo("ชื่อผู้ใช้ 'admin-" + TENANT + "' มีผู้ใช้แล้ว");
        assertThat(problem(HttpRequest.POST(path, taken).bearerAuth(token).header("Accept-Language", "en")).get("detail"))
                .isEqualTo("username 'admin-" + TENANT + "' is taken");

        Map<String, Object> officer = Map.of("username", "officer-x", "role", "PROVINCE_OFFICER", "password", "correct horse battery staple",
                "provinces", List.of("แอตแลนติส"));
        assertThat(problem(HttpRequest.POST(path, officer).bearerAuth(token)).get("detail")).isEqualTo("provinces: ไม่รู้จักจังหวัด 'แอตแลนติส'");
        assertThat(problem(HttpRequest.POST(path + "?lang=en", officer).bearerAuth(token)).get("detail")).isEqualTo("provinces: unknown province 'แอตแลนติส'");

        Map<?, ?> province = problem(HttpRequest.GET("/api/provinces/atlantis/districts").bearerAuth(token).header("Accept-Language", "en"));
        assertThat(province.get("detail")).isEqualTo("province 'atlantis' not found");
        assertThat(problem(HttpRequest.GET("/api/provinces/atlantis/districts").bearerAuth(token)).get("detail")).isEqualTo("ไม่พบจังหวัด 'atlantis'");
    }
}
