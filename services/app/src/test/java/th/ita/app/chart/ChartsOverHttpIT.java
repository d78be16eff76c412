package th.ita.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.charts.RenderPool;
import th.ita.core.access.Role;

/** Charts over HTTP on a small province: well-formed SVG, medians from the data, ETags before drawing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ChartsOverHttpIT implements TestPropertyProvider {
    private static final String TENANT = "charts-it";
    /** Six organizations of เชียงราย; ind1 of 2568: 98.67, 80, 90, 95, 100, 70 → median 92.5 (Excel MEDIAN). */
    private static final String FILE = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,ind1,98.67\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,total,95.41\nOWN,ม่วงยาย,ทต.,เชียงราย,2567,total,90.10\n"
            + "P1,ท่าข้าม,อบต.,เชียงราย,2568,ind1,80\nP1,ท่าข้าม,อบต.,เชียงราย,2568,total,88.50\nP1,ท่าข้าม,อบต.,เชียงราย,2567,total,87\n"
            + "P2,แม่ลาว,อบต.,เชียงราย,2568,ind1,90\nP2,แม่ลาว,อบต.,เชียงราย,2568,total,91\n"
            + "P3,ป่าแดด,อบต.,เชียงราย,2568,ind1,95\nP3,ป่าแดด,อบต.,เชียงราย,2568,total,93\n"
            + "P4,ดอยฮาง,อบต.,เชียงราย,2568,ind1,100\nP4,ดอยฮาง,อบต.,เชียงราย,2568,total,97\n"
            + "P5,บ้านดู่,อบต.,เชียงราย,2568,ind1,70\nP5,บ้านดู่,อบต.,เชียงราย,2568,total,72\n"
            + "FAR,หนองเสม็ด,ทต.,ตราด,2568,total,70\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    RenderPool pool;

    private TestTenant tenant;
    private String analyst;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-charts");
    }

    @BeforeAll
    void setUp() {
        tenant = new TestTenant(client, callers, TENANT);
        tenant.upload("scores.csv", FILE);
        analyst = tenant.user("analyst", "charts-analyst", Role.ANALYST, List.of(), null);
    }

    private HttpResponse<byte[]> get(String query, String ifNoneMatch) {
        var request = HttpRequest.GET("/api/tenants/" + TENANT + "/charts/" + query).bearerAuth(analyst);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.toBlocking().exchange(request, byte[].class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ranking?code=OWN&year=2568", "trend?code=OWN&metrics=tools", "trend?code=OWN&metrics=indicators", "profile?code=OWN&year=2568",
            "distribution?province=57&year=2568&code=OWN", "distribution?province=provinces&year=2568", "heatmap?province=57&year=2568&code=OWN",
            "levels?year=2568", "levels?province=57"})
    void servesEveryChartAsWellFormedSvgInTheBundledFont(String query) throws Exception {
        for (String lang : List.of("th", "en")) {
            HttpResponse<byte[]> response = get(query + "&format=svg&lang=" + lang, null);

            assertThat(response.getContentType()).map(Object::toString).contains("image/svg+xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
            NodeList texts = svg.getElementsByTagNameNS("*", "text");
            assertThat(texts.getLength()).isPositive();
            for (int i = 0; i < texts.getLength(); i++) {
                assertThat(((org.w3c.dom.Element) texts.item(i)).getAttribute("style")).contains("font-family: Loma,");
            }
        }
    }

    @Test
    void answersAnUnchangedChart304WithoutDrawingItAndAnAskedAgainOneFromTheCache() {
        HttpResponse<byte[]> first = get("ranking?code=OWN&year=2568&width=640&height=480", null);
        String etag = first.header("ETag");
        long drawn = pool.renders();

        HttpResponse<byte[]> unchanged = get("ranking?code=OWN&year=2568&width=640&height=480", etag);
        HttpResponse<byte[]> again = get("ranking?code=OWN&year=2568&width=640&height=480", null);

        assertThat(unchanged.code()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(pool.renders()).isEqualTo(drawn);
        assertThat(get("ranking?code=OWN&year=2568&width=640&height=481", etag).code()).isEqualTo(200);
        assertThat(pool.renders()).isEqualTo(drawn + 1);
    }

    @Test
    void givesTheProvinceMedianAndQuartilesOfTheDataInTheProfile() {
        Map<?, ?> profile = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/charts/profile?code=OWN&year=2568&format=json")
                .bearerAuth(analyst), Map.class);

        List<?> ind1 = ((List<?>) profile.get("rows")).stream().map(row -> (List<?>) row).filter(row -> row.get(0).equals("ind1")).findFirst().orElseThrow();
        // indicator, name_th, name_en, value, peer_count, peer_min, peer_first_quartile, peer_median, peer_third_quartile, peer_max
        assertThat(((Number) ind1.get(3)).doubleValue()).isEqualTo(98.67);
        assertThat(((Number) ind1.get(4)).intValue()).isEqualTo(6);
        assertThat(((Number) ind1.get(5)).doubleValue()).isEqualTo(70.0);
        // Excel: QUARTILE.INC({70,80,90,95,98.67,100}, 1) = 82.5, MEDIAN = 92.5, QUARTILE.INC(…, 3) = 97.7525, rounded once
        // half up in the data rows as in the labels: 97.75.
        assertThat(((Number) ind1.get(6)).doubleValue()).isEqualTo(82.5);
        assertThat(((Number) ind1.get(7)).doubleValue()).isEqualTo(92.5);
        assertThat(((Number) ind1.get(8)).doubleValue()).isEqualTo(97.75);
        assertThat(((Number) ind1.get(9)).doubleValue()).isEqualTo(100.0);
    }

    @Test
    void drawsInTheCallersLanguageWhenTheRequestNamesNone() {
        String path = "/api/tenants/" + TENANT + "/charts/profile?code=OWN&year=2568&format=json";
        String thai = (String) client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(analyst), Map.class).get("altText");
        String english = (String) client.toBlocking().retrieve(HttpRequest.GET(path).header("Accept-Language", "en-GB,en;q=0.8")
                .bearerAuth(analyst), Map.class).get("altText");
        String named = (String) client.toBlocking().retrieve(HttpRequest.GET(path + "&lang=th").header("Accept-Language", "en")
                .bearerAuth(analyst), Map.class).get("altText");

        assertThat(thai).containsPattern("[\\u0E00-\\u0E7F]");
        assertThat(english).containsPattern("[A-Za-z]{4}").isNotEqualTo(thai);
        assertThat(named).isEqualTo(thai);
        HttpResponse<byte[]> image = client.toBlocking().exchange(HttpRequest.GET("/api/tenants/" + TENANT + "/charts/profile?code=OWN&year=2568")
                .bearerAuth(analyst), byte[].class);
        assertThat(image.header("Vary")).contains("Accept-Language");
    }

    @Test
    void givesTheMedianOfEachYearInTheTrend() {
        Map<?, ?> trend = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + "/charts/trend?code=OWN&metrics=total&format=json")
                .bearerAuth(analyst), Map.class);

        List<List<Object>> rows = ((List<?>) trend.get("rows")).stream().map(row -> List.<Object>copyOf((List<?>) row)).toList();
        // 2567: 90.10 and 87 → 88.55; 2568: 72, 88.5, 91, 93, 95.41, 97 → 92.
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly((Object) "total", 2567, 90.1, 88.55));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.subList(0, 3)).containsExactly((Object) "total", 2568, 95.41);
            assertThat(((Number) row.get(3)).doubleValue()).isEqualTo(92.0);
        });
    }

    /** Last: the new batch changes the data the other tests read. */
    @Test
    void downloadsAChartsDataWithThaiHeadersByDefaultAndTheStableColumnNamesInEnglish() {
        String thai = new String(get("ranking?code=OWN&year=2568&format=csv", null).body(), java.nio.charset.StandardCharsets.UTF_8);
        String english = new String(get("ranking?code=OWN&year=2568&format=csv&lang=en", null).body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(thai.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFลำดับ,ชื่อ,คะแนน,หน่วยงานที่เน้น");
        assertThat(english.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFrank,name,score,highlighted");
        assertThat(thai.lines().skip(1).toList()).anySatisfy(row -> assertThat(row).endsWith(",ใช่"))
                .allSatisfy(row -> assertThat(row).doesNotContain("true").doesNotContain("false"));
        assertThat(english.lines().skip(1).toList()).anySatisfy(row -> assertThat(row).endsWith(",yes"))
                .allSatisfy(row -> assertThat(row).doesNotContain("true").doesNotContain("false"));
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void givesANewETagOnceANewBatchChangesTheData() {
        String before = get("ranking?code=OWN&year=2568&width=500&height=400", null).header("ETag");

        tenant.upload("correction.csv", "organization_code,year,metric,value\nP5,2568,total,73\n");

        HttpResponse<byte[]> after = get("ranking?code=OWN&year=2568&width=500&height=400", before);
        assertThat(after.code()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before);
    }
}
