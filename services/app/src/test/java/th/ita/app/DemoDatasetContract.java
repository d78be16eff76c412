package th.ita.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.ita.app.ingest.BatchView;
import th.ita.app.organization.OrganizationView;
import th.ita.app.organization.OrganizationYearView;

/**
 * The first start loads the national demo dataset, every row of it, and serves it: the same answers whichever
 * store holds the facts ({@link DemoDatasetIT} on the embedded default, {@link ClickHouseDemoDatasetIT}).
 */
abstract class DemoDatasetContract implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    th.ita.app.access.TestCallers callers;

    private String token;

    private java.nio.file.Path dataDirectory;

    @Override
    public Map<String, String> getProperties() {
        try {
            dataDirectory = Files.createTempDirectory("ita-demo-it");
            Map<String, String> properties = new java.util.HashMap<>(storeProperties());
            properties.put("ita.data-directory", dataDirectory.toString());
            properties.put("ita.demo.load-on-start", "true");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the facts go: nothing for the embedded default. */
    protected Map<String, String> storeProperties() {
        return Map.of();
    }

    private <T> List<T> list(String path, Class<T> type) {
        if (token == null) {
            token = callers.token("demo", "test-analyst", th.ita.core.access.Role.ANALYST, List.of(), null);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(type));
    }

    private Map<?, ?> getMap(String path) {
        if (token == null) {
            list("/api/tenants/demo/organizations?province=57", OrganizationView.class);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    }

    @Test
    void givesSeed002sOrganizationItsOverviewAsItsReportAnalysesIt() {
        Map<?, ?> overview = getMap("/api/tenants/demo/organizations/5713001/overview?year=2568");

        Map<?, ?> rank = (Map<?, ?>) overview.get("rankInProvince");
        assertThat(((Number) rank.get("groupSize")).intValue()).isGreaterThan(100);
        Map<?, ?> weaknesses = (Map<?, ?>) overview.get("weaknesses");
        // Seed 002: indicators above 90 are strengths (nine; ind10 at 90.00 is not) and no strength is a weakness,
        // so of the lowest of each tool (ind4, ind8, ind10) only ind10 is weak.
        assertThat(((List<?>) weaknesses.get("weaknesses")).stream().map(w -> (Object) ((Map<?, ?>) w).get("indicator")).toList())
                .contains("ind10").doesNotContain("ind4", "ind8");
        assertThat((List<?>) weaknesses.get("strengths")).hasSize(9);
        assertThat(((List<?>) weaknesses.get("weaknesses")).stream().map(w -> (String) ((Map<?, ?>) w).get("guidanceTh")).toList())
                .allSatisfy(guidance -> assertThat(guidance).isNotBlank());
        Map<?, ?> next = (Map<?, ?>) overview.get("nextLevel");
        assertThat(next.get("levelTh")).isEqualTo("ผ่านดี");
        assertThat(((Map<?, ?>) next.get("next")).get("nameTh")).isEqualTo("ผ่านดีเยี่ยม");
        assertThat((List<?>) overview.get("trends")).hasSize(4);
    }

    @Test
    void summarizesAProvinceAndComparesTheProvinces() {
        Map<?, ?> chiangRai = getMap("/api/tenants/demo/provinces/57/summary?year=2568");
        assertThat(((Number) chiangRai.get("count")).intValue()).isGreaterThan(100);
        assertThat((Double) chiangRai.get("firstQuartile")).isLessThanOrEqualTo((Double) chiangRai.get("median"));

        List<Map> provinces = list("/api/tenants/demo/provinces/summary?year=2568", Map.class);
        assertThat(provinces).hasSize(78);
        Map<?, ?> nation = (Map<?, ?>) provinces.get(77).get("summary");
        assertThat((Double) nation.get("mean")).isBetween(92.0, 95.5);
        assertThat(list("/api/tenants/demo/provinces/57/weaknesses?year=2568", Map.class)).hasSize(10);
        Map<?, ?> movers = getMap("/api/tenants/demo/movers?year=2568&province=57&limit=3");
        assertThat((List<?>) movers.get("risers")).hasSize(3);
        assertThat(movers.get("methodologyBreak")).isEqualTo(true);
    }

    private io.micronaut.http.HttpResponse<byte[]> chart(String query) {
        if (token == null) {
            list("/api/tenants/demo/organizations?province=57", OrganizationView.class);
        }
        return client.toBlocking().exchange(HttpRequest.GET("/api/tenants/demo/charts/" + query).bearerAuth(token), byte[].class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "ranking?code=5713001&year=2568", "ranking?code=5713001&year=2568&group=NATION_TYPE&top=15", "trend?code=5713001&metrics=tools",
            "profile?code=5713001&year=2568", "distribution?province=57&year=2568&code=5713001", "heatmap?province=chiangrai&year=2568&code=5713001",
            "levels?year=2568", "levels?province=57", "distribution?province=provinces&year=2568&code=5713001"})
    void drawsEveryChartOfTheDemoDataAsAPngOfTheAskedSize(String query) throws IOException {
        io.micronaut.http.HttpResponse<byte[]> response = chart(query + "&width=900&height=700&digits=thai");

        assertThat(response.getContentType()).map(Object::toString).contains("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(response.header("ETag")).isNotBlank();
    }

    @Test
    void servesChartsAsSvgWithTheirAltTextAndDataAndAnswers304ForAnUnchangedChart() {
        String svg = new String(chart("ranking?code=5713001&year=2568&format=svg&lang=en").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(svg).contains("<svg").contains("เทศบาลตำบลม่วงยาย");
        Map<?, ?> described = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/demo/charts/ranking?code=5713001&year=2568&format=json")
                .bearerAuth(token), Map.class);
        assertThat((String) described.get("altText")).contains("เทศบาลตำบลม่วงยาย อยู่ลำดับที่");
        assertThat((List<?>) described.get("rows")).hasSizeGreaterThan(100);
        String etag = chart("profile?code=5713001&year=2568").header("ETag");
        io.micronaut.http.HttpResponse<byte[]> again = client.toBlocking().exchange(HttpRequest.GET("/api/tenants/demo/charts/profile?code=5713001&year=2568")
                .bearerAuth(token).header("If-None-Match", etag), byte[].class);
        assertThat(again.code()).isEqualTo(304);
        assertThatThrownByStatus("ranking?code=5713001&year=2568&width=50", 400);
        assertThatThrownByStatus("ranking?code=5713001&year=2568&lang=fr", 400);
        assertThatThrownByStatus("pie?year=2568", 404);
    }

    private void assertThatThrownByStatus(String query, int status) {
        try {
            chart(query);
            throw new AssertionError(query + " was answered");
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            assertThat(e.code()).as(query).isEqualTo(status);
        }
    }

    @Test
    void createsTheDemoTenantsUsersAndTheirCredentialsFile() throws IOException {
        assertThat(list("/api/tenants/demo/organizations?province=57", OrganizationView.class)).isNotEmpty();
        // Sign in as the demo province officer with the password from the credentials file.
        String line = Files.readAllLines(dataDirectory.resolve("demo-credentials.txt")).stream()
                .filter(l -> l.strip().startsWith("chiangrai ")).findFirst().orElseThrow();
        String password = line.strip().split("\\s+")[2];
        Map<?, ?> session = client.toBlocking().retrieve(HttpRequest.POST("/api/sign-in", Map.of("username", "chiangrai", "password", password)), Map.class);
        List<OrganizationView> visible = client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/demo/organizations")
                .bearerAuth((String) session.get("token")), Argument.listOf(OrganizationView.class));
        assertThat(visible).isNotEmpty().allSatisfy(o -> assertThat(o.provinceCode()).isEqualTo("57"));
    }

    @Test
    void loadsTheNationalDemoDatasetWithoutRejectingARow() {
        List<BatchView> batches = list("/api/tenants/demo/batches", BatchView.class);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.status()).isEqualTo("PUBLISHED");
            assertThat(batch.rowsRejected()).isZero();
            assertThat(batch.orgYears()).isGreaterThan(60_000);
            assertThat(batch.scoresAccepted()).isGreaterThan(1_200_000);
        });
        assertThat(list("/api/tenants/demo/organizations", OrganizationView.class)).hasSizeBetween(7_700, 8_000);
    }

    @Test
    void carriesSeed002sOrganizationWithItsPublishedResult() {
        OrganizationView muangYai = list("/api/tenants/demo/organizations?province=57", OrganizationView.class).stream()
                .filter(o -> o.fullNameTh().equals("เทศบาลตำบลม่วงยาย")).findFirst().orElseThrow();
        List<OrganizationYearView> years = list("/api/tenants/demo/organizations/" + muangYai.code() + "/years", OrganizationYearView.class);

        assertThat(years).extracting(OrganizationYearView::year).containsExactly(2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568);
        OrganizationYearView year2568 = years.get(7);
        assertThat(year2568.level().nameTh()).isEqualTo("ผ่านดี");
        assertThat(year2568.scores()).filteredOn(s -> s.metric().equals("total")).singleElement()
                .satisfies(total -> assertThat(total.value()).isEqualTo(95.41));
        assertThat(year2568.findings()).isNotEmpty();
        assertThat(years.get(6).methodologyChanges()).isNotEmpty();
    }
}
