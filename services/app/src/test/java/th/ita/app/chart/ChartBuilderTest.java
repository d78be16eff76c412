package th.ita.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static th.ita.app.access.InMemoryReads.reported;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.app.access.InMemoryReads;
import th.ita.app.access.ScopedData;
import th.ita.charts.ChartData;
import th.ita.core.access.AccessScope;
import th.ita.core.access.Role;
import th.ita.core.geography.Geography;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/**
 * The data of charts: peer statistics withheld by the caller's scope and the configured minimum group
 * size, medians and quartiles computed from the data, one table read per request, captions from the catalog.
 */
class ChartBuilderTest {
    private static final TenantId TENANT = TenantId.of("charts-unit");
    private static final Set<String> NO_PROVINCES = Set.of();

    private final List<Organization> organizations = new ArrayList<>();

    /** Two LAOs of เชียงราย (57): medians of the group are the mean of the two. */
    private InMemoryReads reads(int minimumGroupSize) {
        InMemoryReads reads = new InMemoryReads(InMemoryReads.settingsWithMinimumGroupSize(minimumGroupSize));
        organizations.clear();
        organizations.addAll(reads.register(TENANT, List.of(
                new NewOrganization("OWN", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", null, List.of()),
                new NewOrganization("PEER", "ท่าข้าม", null, OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "57", null, List.of()))));
        Organization own = organizations.get(0);
        Organization peer = organizations.get(1);
        List<ScoreFact> facts = List.of(
                reported(own, 2567, "total", 78), reported(own, 2567, "IIT", 90), reported(own, 2567, "EIT", 80), reported(own, 2567, "OIT", 70),
                reported(own, 2568, "total", 82.8), reported(own, 2568, "IIT", 92), reported(own, 2568, "EIT", 84), reported(own, 2568, "OIT", 75),
                reported(own, 2568, "ind1", 60),
                reported(peer, 2567, "total", 89.5), reported(peer, 2567, "IIT", 95), reported(peer, 2567, "EIT", 90), reported(peer, 2567, "OIT", 85),
                reported(peer, 2568, "total", 91.1), reported(peer, 2568, "IIT", 97), reported(peer, 2568, "EIT", 80), reported(peer, 2568, "OIT", 95),
                reported(peer, 2568, "ind1", 99));
        reads.publish(TENANT, "scores-2568.csv", facts);
        return reads;
    }

    private static ChartBuilder builder(InMemoryReads reads, int minimumGroupSize) {
        return new ChartBuilder(Geography.bundled(), reads.store(), InMemoryReads.settingsWithMinimumGroupSize(minimumGroupSize));
    }

    private AccessScope ownUser() {
        return new AccessScope(TENANT, "own-user", Role.ORGANIZATION_USER, NO_PROVINCES, organizations.get(0).id(), false);
    }

    private static AccessScope analyst() {
        return new AccessScope(TENANT, "analyst", Role.ANALYST, NO_PROVINCES, null, false);
    }

    private static ChartData.Spread spreadOf(ChartData.Profile profile, String indicator) {
        return profile.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst().orElseThrow().peers();
    }

    private static ChartData.Trend.Series series(ChartData.Trend trend, String code) {
        return trend.series().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void withholdsTheStatisticsOfAGroupBelowTheMinimumFromAnOrganizationUserAndSaysWhyInBothLanguages() {
        InMemoryReads reads = reads(5);
        ChartBuilder charts = builder(reads, 5);
        ScopedData.Reads own = reads.of(ownUser());

        ChartData.Profile profile = charts.profile(own, organizations.get(0), 2568);
        ChartData.Trend tools = charts.trend(own, organizations.get(0), "tools");

        assertThat(spreadOf(profile, "ind1")).isNull();
        assertThat(tools.series()).isNotEmpty().allSatisfy(s -> assertThat(s.peerMedian()).isEmpty());
        assertThat(profile.caption().dataEn()).contains("withheld").contains("2 organizations").contains("fewer than 5");
        assertThat(profile.caption().dataTh()).contains("ไม่แสดง").contains("2 แห่ง").contains("5 แห่ง");
        assertThat(tools.caption().dataEn()).contains("withheld");
        assertThat(tools.caption().dataTh()).contains("ไม่แสดง");
    }

    @Test
    void showsAnOrganizationUserTheStatisticsOnceTheGroupMeetsTheConfiguredMinimum() {
        InMemoryReads reads = reads(2);
        ChartBuilder charts = builder(reads, 2);
        ScopedData.Reads own = reads.of(ownUser());

        ChartData.Spread ind1 = spreadOf(charts.profile(own, organizations.get(0), 2568), "ind1");
        ChartData.Trend tools = charts.trend(own, organizations.get(0), "tools");

        // MEDIAN(60, 99) = 79.5; QUARTILE.INC(…, 1) = 69.75, (…, 3) = 89.25; a peer's own lowest and highest stay hidden.
        assertThat(ind1.count()).isEqualTo(2);
        assertThat(ind1.median()).isEqualTo(79.5);
        assertThat(ind1.firstQuartile()).isEqualTo(69.75);
        assertThat(ind1.thirdQuartile()).isEqualTo(89.25);
        assertThat(ind1.min()).isNull();
        assertThat(ind1.max()).isNull();
        // IIT: 2567 MEDIAN(90, 95) = 92.5, 2568 MEDIAN(92, 97) = 94.5.
        assertThat(series(tools, "IIT").peerMedian()).containsEntry(2567, 92.5).containsEntry(2568, 94.5);
        assertThat(series(tools, "OIT").peerMedian()).containsEntry(2567, 77.5).containsEntry(2568, 85.0);
        assertThat(tools.caption().dataEn()).contains("against the median of LAOs of Chiang Rai").doesNotContain("withheld");
    }

    @Test
    void showsAnAnalystEveryStatisticOfASmallGroupWithItsLowestAndHighest() {
        InMemoryReads reads = reads(5);
        ChartBuilder charts = builder(reads, 5);
        ScopedData.Reads analyst = reads.of(analyst());

        ChartData.Spread ind1 = spreadOf(charts.profile(analyst, organizations.get(0), 2568), "ind1");
        ChartData.Trend total = charts.trend(analyst, organizations.get(0), "total");

        assertThat(ind1.median()).isEqualTo(79.5);
        assertThat(ind1.min()).isEqualTo(60.0);
        assertThat(ind1.max()).isEqualTo(99.0);
        // 2567: MEDIAN(78, 89.5) = 83.75; 2568: MEDIAN(82.8, 91.1) = 86.95.
        assertThat(series(total, "total").peerMedian()).containsOnlyKeys(2567, 2568);
        assertThat(series(total, "total").peerMedian().get(2567)).isEqualTo(83.75);
        assertThat(series(total, "total").peerMedian().get(2568)).isCloseTo(86.95, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ranksTheGroupBestFirstWithOnlyTheAnchorHighlighted() {
        InMemoryReads reads = reads(5);
        ChartBuilder charts = builder(reads, 5);

        List<ChartData.Ranking.Bar> bars = charts.ranking(reads.of(ownUser()), organizations.get(0), 2568, "total", PeerGroup.PROVINCE, 0).bars();

        assertThat(bars).containsExactly(new ChartData.Ranking.Bar("องค์การบริหารส่วนตำบลท่าข้าม", 91.1, 1, false), new ChartData.Ranking.Bar("เทศบาลตำบลม่วงยาย", 82.8, 2, true));
    }

    @Test
    void readsTheTenantsTableOnceForAllTheWorkOfOneChartRequest() {
        InMemoryReads reads = reads(5);
        ChartBuilder charts = builder(reads, 5);
        int before = reads.tableReads();
        ScopedData.Reads request = reads.of(analyst());

        Organization own = charts.organization(request, "OWN");
        charts.ranking(request, own, 2568, "total", PeerGroup.PROVINCE, 0);

        assertThat(reads.tableReads() - before).isEqualTo(1);
    }

    @Test
    void writesCaptionsFromTheCatalogInThaiAndInEnglishNeverBothInOne() {
        InMemoryReads reads = reads(5);
        ChartBuilder charts = builder(reads, 5);

        ChartData.Ranking byAnalyst = charts.ranking(reads.of(analyst()), organizations.get(0), 2568, "total", PeerGroup.PROVINCE, 0);
        ChartData.Ranking byOwnUser = charts.ranking(reads.of(ownUser()), organizations.get(0), 2568, "total", PeerGroup.PROVINCE, 0);
        ChartData.Levels levels = charts.levels(reads.of(analyst()), 2568, null);

        assertThat(byAnalyst.caption().titleTh()).isEqualTo("ลำดับคะแนนรวม ปี 2568");
        assertThat(byAnalyst.caption().titleEn()).isEqualTo("Ranking on Total, 2568");
        assertThat(byAnalyst.caption().dataTh()).startsWith("ปี 2568 | อปท. ในจังหวัดเชียงราย | แหล่งข้อมูล scores-2568.csv นำเข้า ");
        assertThat(byAnalyst.caption().dataEn()).startsWith("2568 | LAOs of Chiang Rai | source scores-2568.csv loaded 20");
        // The file's name is for those who may read batches.
        assertThat(byOwnUser.caption().dataEn()).contains("ITA results loaded").doesNotContain("scores-2568.csv");
        assertThat(byOwnUser.caption().dataTh()).contains("ผลการประเมิน ITA นำเข้า").doesNotContain("scores-2568.csv");
        assertThat(levels.caption().titleTh()).isEqualTo("ระดับผลการประเมินรายจังหวัด ปี 2568");
        assertThat(levels.caption().titleEn()).isEqualTo("Levels by province, 2568");
        for (String english : List.of(levels.caption().titleEn(), levels.caption().dataEn(), byAnalyst.caption().dataEn())) {
            assertThat(english).doesNotContainPattern("[\\u0E00-\\u0E7F]");
        }
        for (String thai : List.of(levels.caption().titleTh(), levels.caption().dataTh(), byAnalyst.caption().dataTh())) {
            assertThat(thai).doesNotContain("LAOs", "source", "loaded", "Levels");
        }
    }
}
