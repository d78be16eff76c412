package th.ita.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.ita.app.access.TestCallers;
import th.ita.app.access.TestTenant;
import th.ita.core.access.Role;

/**
 * An organization user learns nothing below a peer's total: not its tools' changes through the split of
 * its total's change, not its indicators through the median of a group of two.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerConfidentialityIT implements TestPropertyProvider {
    private static final String TENANT = "peers-secret";
    private static final String FILE = "organization_code,organization_name,organization_type,province,year,metric,value\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2567,IIT,90\nOWN,ม่วงยาย,ทต.,เชียงราย,2567,EIT,80\nOWN,ม่วงยาย,ทต.,เชียงราย,2567,OIT,70\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2567,total,78\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,IIT,92\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,EIT,84\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,OIT,75\n"
            + "OWN,ม่วงยาย,ทต.,เชียงราย,2568,total,82.8\nOWN,ม่วงยาย,ทต.,เชียงราย,2568,ind1,60\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2567,IIT,95\nPEER,ท่าข้าม,อบต.,เชียงราย,2567,EIT,90\nPEER,ท่าข้าม,อบต.,เชียงราย,2567,OIT,85\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2567,total,89.5\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,IIT,97\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,EIT,80\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,OIT,95\n"
            + "PEER,ท่าข้าม,อบต.,เชียงราย,2568,total,91.1\nPEER,ท่าข้าม,อบต.,เชียงราย,2568,ind1,99\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestCallers callers;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private String orgUser;
    private String analyst;

    @Override
    public Map<String, String> getProperties() {
        return TestTenant.properties("ita-peers");
    }

    @BeforeAll
    void setUp() {
        TestTenant tenant = new TestTenant(client, callers, TENANT);
        tenant.upload("scores.csv", FILE);
        orgUser = tenant.user("own", "peers-own", Role.ORGANIZATION_USER, List.of(), "OWN");
        analyst = tenant.user("analyst", "peers-analyst", Role.ANALYST, List.of(), null);
    }

    private Map<?, ?> get(String token, String path) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + TENANT + path).bearerAuth(token), Map.class);
    }

    private static List<?> contributions(Map<?, ?> trend) {
        return ((List<?>) trend.get("points")).stream().flatMap(point -> ((List<?>) ((Map<?, ?>) point).get("contributions")).stream()).toList();
    }

    private static List<?> indicatorRow(Map<?, ?> chart, String indicator) {
        return ((List<?>) chart.get("rows")).stream().map(row -> (List<?>) row).filter(row -> row.get(0).equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void showsAnOrganizationUserNoSplitByToolOfAPeersTotal() {
        assertThat(contributions(get(orgUser, "/organizations/PEER/trend"))).isEmpty();
        Map<?, ?> overview = get(orgUser, "/organizations/PEER/overview?year=2568");
        assertThat(contributions((Map<?, ?>) ((List<?>) overview.get("trends")).get(0))).isEmpty();

        assertThat(contributions(get(orgUser, "/organizations/OWN/trend"))).as("its own organization's split").isNotEmpty();
        assertThat(contributions(get(analyst, "/organizations/PEER/trend"))).as("an analyst sees every organization's split").isNotEmpty();
    }

    @Test
    void withholdsTheMedianOfAGroupTooSmallFromWhoMayNotSeeItsMembersAndSaysWhy() {
        Map<?, ?> own = get(orgUser, "/organizations/OWN/weaknesses?year=2568&lang=en");
        List<?> weaknesses = (List<?>) own.get("weaknesses");
        assertThat(weaknesses).isNotEmpty().allSatisfy(w -> assertThat(((Map<?, ?>) w).get("peerMedian")).isNull());
        assertThat(weaknesses.toString()).doesNotContain("79.5");
        assertThat(((Map<?, ?>) own.get("peerStatisticsWithheld")).get("message")).asString().contains("2").contains("5");
        Map<?, ?> overview = get(orgUser, "/organizations/OWN/overview?year=2568");
        assertThat(((Map<?, ?>) overview.get("weaknesses")).get("peerStatisticsWithheld")).isNotNull();

        // The profile chart's data: indicator, name_th, name_en, value, peer_count, peer_min, peer_first_quartile, peer_median, …
        List<?> ownProfile = indicatorRow(get(orgUser, "/charts/profile?code=OWN&year=2568&format=json&lang=en"), "ind1");
        assertThat(ownProfile.subList(5, 10)).containsOnlyNulls();
        assertThat(get(orgUser, "/charts/profile?code=OWN&year=2568&format=json").toString()).doesNotContain("79.5");
        assertThat(indicatorRow(get(analyst, "/charts/profile?code=OWN&year=2568&format=json"), "ind1").get(7)).isEqualTo(79.5);

        Map<?, ?> seen = get(analyst, "/organizations/OWN/weaknesses?year=2568");
        assertThat(seen.get("peerStatisticsWithheld")).isNull();
        assertThat((List<?>) seen.get("weaknesses")).anySatisfy(w -> assertThat(((Map<?, ?>) w).get("peerMedian")).isEqualTo(79.5));
    }

    @Test
    void withholdsTheMedianOfAGroupTooSmallOnTheOrganizationPageToo() {
        th.ita.app.web.Browser browser = new th.ita.app.web.Browser(server.getURI());
        assertThat(browser.signIn("peers-own", "correct horse battery staple").status()).isEqualTo(303);

        org.jsoup.nodes.Document page = browser.get("/organizations/OWN?year=2568").document();

        assertThat(page.select("#weaknesses").text()).contains("60.00").doesNotContain("79.50");
    }
}
