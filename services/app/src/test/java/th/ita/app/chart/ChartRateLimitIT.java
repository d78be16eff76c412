package th.ita.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.charts.RenderPool;
import th.ita.core.access.Role;

/**
 * The rate limit of drawing routes over the real HTTP server: a caller past its burst is answered 429 with Retry-After
 * before anything is read or drawn, while other callers, /health and the overview answer as before.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartRateLimitIT implements TestPropertyProvider {
    private static final String TENANT = "ratelimit-it";
    private static final int BURST = 6;
    private static final String FILE = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\nOWN,ม่วงยาย,ทต.,เชียงราย,2567,total,90.10\n"
            + "P1,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\nP1,ท่าข้าม,อบต.,เชียงราย,2567,total,87\n"
            + "P2,แม่ลาว,อบต.,เชียงราย,2568,total,91\nP3,ป่าแดด,อบต.,เชียงราย,2568,total,93\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    RenderPool pool;

    @Inject
    ChartRateLimit limit;

    private TestTenant tenant;
    private final ExecutorService flooders = Executors.newFixedThreadPool(8);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestTenant.properties("ita-ratelimit"));
        // A token back every ten seconds: no test here runs long enough for a refill to blur what it counts.
        properties.put("ita.charts.rate-limit.per-second", "0.1");
        properties.put("ita.charts.rate-limit.burst", Integer.toString(BURST));
        return properties;
    }

    @BeforeAll
    void setUp() {
        tenant = new TestTenant(client, callers, TENANT);
        tenant.upload("scores.csv", FILE);
    }

    @AfterAll
    void tearDown() {
        flooders.shutdownNow();
    }

    private String analyst(String name) {
        return tenant.user(name, "ratelimit-" + name, Role.ANALYST, List.of(), null);
    }

    /** An answer, whatever its status. */
    private record Answer(int code, String body, io.micronaut.http.HttpHeaders headers) {
        String header(String name) {
            return headers.get(name);
        }

        java.util.Optional<String> contentType() {
            return headers.contentType().map(Object::toString);
        }
    }

    private Answer get(String token, MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request.bearerAuth(token), String.class);
            return new Answer(response.code(), response.getBody().orElse(""), response.getHeaders());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""), e.getResponse().getHeaders());
        }
    }

    private static MutableHttpRequest<?> chart(String query) {
        return HttpRequest.GET("/api/tenants/" + TENANT + "/charts/" + query);
    }

    /**
     * Statuses of {@code count} chart requests sent at once from 8 threads, as a flooding client does; each chart one
     * not drawn before (widths from {@code firstWidth} on), so none comes from the cache of drawings.
     */
    private List<Integer> flood(String token, int count, int firstWidth) throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = firstWidth + i;
            answers.add(flooders.submit(() -> get(token, chart("ranking?code=OWN&year=2568&format=png&width=" + width + "&height=300")).code()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    @Test
    void aFloodingCallerGets429WithRetryAfterWhileAnotherCallerHealthAndTheOverviewStillAnswer() throws Exception {
        String flooder = analyst("flooder");
        String other = analyst("other");

        List<Integer> statuses = flood(flooder, 60, 1000);
        Answer refused = get(flooder, chart("ranking?code=OWN&year=2568&format=png&width=1999&height=300"));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(BURST);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(60 - BURST);
        assertThat(refused.code()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).as("a token every 10 s").isBetween(1L, 10L);
        assertThat(refused.body()).contains("\"status\":429", "\"code\":\"TOO_MANY_REQUESTS\"", "\"title\":\"ส่งคำขอถี่เกินไป\"",
                "ขอแผนภูมิถี่เกินไป", "ไม่เกิน 6 ภาพ", "0.1 ภาพต่อวินาที", "อีก " + retryAfter + " วินาที");

        assertThat(get(other, chart("ranking?code=OWN&year=2568&format=png&width=401&height=300")).code()).as("another caller's chart").isEqualTo(200);
        assertThat(get(other, chart("trend?code=OWN&metrics=total&format=svg")).code()).isEqualTo(200);
        assertThat(get(flooder, HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/overview?year=2568")).code())
                .as("the flooder's own overview").isEqualTo(200);
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code()).isEqualTo(200);
    }

    @Test
    void refusesBeforeReadingOrDrawingAnything() {
        String caller = analyst("early");
        for (int i = 0; i < BURST; i++) {
            assertThat(get(caller, chart("ranking?code=OWN&year=2568&format=json")).code()).isEqualTo(200);
        }
        long drawn = pool.renders();

        // Past the limit an unknown organization is not looked up (no 404) and a new chart is not drawn.
        assertThat(get(caller, chart("ranking?code=NOSUCH&year=2568&format=png")).code()).isEqualTo(429);
        assertThat(get(caller, chart("profile?code=OWN&year=2568&format=png&width=777")).code()).isEqualTo(429);
        assertThat(pool.renders()).isEqualTo(drawn);
        assertThat(get(analyst("fresh"), chart("ranking?code=NOSUCH&year=2568&format=png")).code()).as("within the limit").isEqualTo(404);
    }

    @Test
    void answersTheRefusalInEnglishWhenAskedTo() {
        String caller = analyst("english");
        for (int i = 0; i < BURST; i++) {
            get(caller, chart("levels?year=2568&format=json"));
        }

        Answer byHeader = get(caller, chart("levels?year=2568&format=png").header("Accept-Language", "en"));
        Answer byParameter = get(caller, chart("levels?year=2568&format=png&lang=en"));

        for (Answer refused : List.of(byHeader, byParameter)) {
            assertThat(refused.code()).isEqualTo(429);
            assertThat(refused.body()).contains("\"title\":\"Too Many Requests\"", "too many chart requests: at most 6 at once and 0.1 more a second; try again in ")
                    .doesNotContain("ขอแผนภูมิ");
        }
    }

    @Test
    void chartsAnsweredWithoutDrawingCostAQuarter() {
        String caller = analyst("revalidating");
        Answer first = get(caller, chart("trend?code=OWN&metrics=total&format=png&width=640&height=400"));
        String etag = first.header("ETag");
        assertThat(first.code()).isEqualTo(200);

        // Five tokens left: counted whole, five of these would pass; at a quarter each, sixteen do.
        List<Integer> revalidated = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            revalidated.add(get(caller, chart("trend?code=OWN&metrics=total&format=png&width=640&height=400").header("If-None-Match", etag)).code());
        }
        assertThat(revalidated).containsOnly(304);

        // The same chart again, unconditionally, comes from the cache of drawings and costs a quarter as well.
        String cached = analyst("cached");
        List<Integer> fromCache = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fromCache.add(get(cached, chart("trend?code=OWN&metrics=total&format=png&width=640&height=400")).code());
        }
        assertThat(fromCache).containsOnly(200);
    }

    @Test
    void theWebUisChartFilesAndTheApiShareTheCallersBudget() {
        String caller = analyst("web");
        Answer file = get(caller, HttpRequest.GET("/charts/ranking.png?code=OWN&year=2568&width=500&height=300"));
        assertThat(file.code()).isEqualTo(200);
        assertThat(file.contentType()).contains("image/png");
        for (int i = 1; i < BURST; i++) {
            assertThat(get(caller, chart("ranking?code=OWN&year=2568&format=json")).code()).isEqualTo(200);
        }

        Answer refused = get(caller, HttpRequest.GET("/charts/ranking.png?code=OWN&year=2568&width=501&height=300"));

        assertThat(refused.code()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(get(caller, HttpRequest.GET("/api/tenants/" + TENANT + "/organizations/OWN/reports/analysis.docx?year=2568")).code())
                .as("a draft draws charts too").isEqualTo(429);
    }

    @Test
    void auditsRefusalsOnceAMinutePerCallerNotOneByOne() throws Exception {
        String caller = analyst("audited");
        List<Integer> statuses = flood(caller, BURST + 30, 2000);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(30);

        limit.report();

        List<Map> audit = tenant.call("admin", HttpRequest.GET("/api/tenants/" + TENANT + "/audit?limit=500"), Argument.listOf(Map.class)).body();
        List<Map> rows = audit.stream().filter(row -> "ratelimit-audited".equals(row.get("actor")) && ChartRateLimit.RATE_LIMITED.equals(row.get("action")))
                .toList();
        // One row per report: the scheduled report may have run once during the flood, splitting the count in two rows.
        assertThat(rows).hasSizeBetween(1, 2);
        assertThat(rows.stream().mapToInt(row -> Integer.parseInt(((String) row.get("detail")).replaceAll(" .*", ""))).sum()).isEqualTo(30);
        assertThat((String) rows.get(0).get("detail")).contains("requests refused (429) within a minute");
    }
}
