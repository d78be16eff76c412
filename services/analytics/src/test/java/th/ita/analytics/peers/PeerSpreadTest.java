package th.ita.analytics.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

class PeerSpreadTest {
    private static final TenantId TENANT = TenantId.of("test");

    /** Five organizations of เชียงราย (57) with seed 002's ind7, ind8, ind10 and made-up peers, and one of ตราด (23). */
    private static ScoreTable table() {
        List<Organization> organizations = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            organizations.add(new Organization(id, TENANT, "C" + id, "หน่วยงาน" + id, null, OrganizationType.SUBDISTRICT_MUNICIPALITY,
                    id == 6 ? "23" : "57", null, List.of()));
        }
        List<ScoreFact> facts = new ArrayList<>();
        double[] ind7 = {93.14, 98.67, 90.00, 92.14, Double.NaN, 20.0};
        for (int i = 0; i < ind7.length; i++) {
            if (!Double.isNaN(ind7[i])) {
                facts.add(new ScoreFact(i + 1, 2568, "ind7", ind7[i], Provenance.REPORTED));
            }
        }
        double[] total2567 = {80, 90, 95, 97, 100, 10};
        for (int i = 0; i < total2567.length; i++) {
            facts.add(new ScoreFact(i + 1, 2567, "total", total2567[i], Provenance.REPORTED));
        }
        facts.add(new ScoreFact(1, 2568, "total", 95.41, Provenance.REPORTED));
        facts.add(new ScoreFact(2, 2568, "total", 88.50, Provenance.REPORTED));
        return ScoreTable.builder(organizations, Frameworks.bundled()).add(facts).build();
    }

    private static final int[] CHIANG_RAI = {0, 1, 2, 3, 4};

    @Test
    void givesTheMedianAndQuartilesOfAnEvenGroupAsExcelsMedianAndQuartileInc() {
        // Excel: MEDIAN(93.14, 98.67, 90, 92.14) = 92.64; QUARTILE.INC(…, 1) = 91.605; QUARTILE.INC(…, 3) = 94.5225.
        PeerSpread.Spread spread = PeerSpread.of(table(), 2568, "ind7", CHIANG_RAI).orElseThrow();

        assertThat(spread.count()).isEqualTo(4);
        assertThat(spread.min()).isEqualTo(90.00);
        assertThat(spread.firstQuartile()).isCloseTo(91.605, within(1e-9));
        assertThat(spread.median()).isCloseTo(92.64, within(1e-9));
        assertThat(spread.thirdQuartile()).isCloseTo(94.5225, within(1e-9));
        assertThat(spread.max()).isEqualTo(98.67);
    }

    @Test
    void leavesOutMembersWithoutAValueAndOrganizationsOutsideTheGroup() {
        PeerSpread.Spread province = PeerSpread.of(table(), 2568, "ind7", CHIANG_RAI).orElseThrow();
        PeerSpread.Spread everyone = PeerSpread.of(table(), 2568, "ind7", new int[] {0, 1, 2, 3, 4, 5}).orElseThrow();

        assertThat(province.count()).isEqualTo(4);
        assertThat(everyone.count()).isEqualTo(5);
        assertThat(everyone.median()).isEqualTo(92.14);
        assertThat(everyone.min()).isEqualTo(20.0);
    }

    @Test
    void givesTheMiddleValueOfAnOddGroup() {
        PeerSpread.Spread spread = PeerSpread.of(new double[] {100, 80, 97, 90, 95}).orElseThrow();

        assertThat(spread.median()).isEqualTo(95);
        assertThat(spread.firstQuartile()).isEqualTo(90);
        assertThat(spread.thirdQuartile()).isEqualTo(97);
    }

    @Test
    void givesTheMedianOfEachYearThatHasValues() {
        Map<Integer, Double> medians = PeerSpread.medianByYear(table(), "total", CHIANG_RAI);

        // 2567: 80, 90, 95, 97, 100 → 95; 2568: 95.41 and 88.50 → 91.955.
        assertThat(medians).containsOnlyKeys(2567, 2568);
        assertThat(medians.get(2567)).isEqualTo(95.0);
        assertThat(medians.get(2568)).isCloseTo(91.955, within(1e-9));
    }

    @Test
    void givesNoSpreadForAGroupWithoutValuesOrAnUnknownYear() {
        assertThat(PeerSpread.of(table(), 2568, "ind1", CHIANG_RAI)).isEmpty();
        assertThat(PeerSpread.of(table(), 2555, "total", CHIANG_RAI)).isEmpty();
        assertThat(PeerSpread.ofEach(table(), 2568, List.of("ind7", "ind1"), CHIANG_RAI))
                .containsEntry("ind1", Optional.empty()).hasSize(2);
    }

    @Test
    void refusesNotANumberAmongPlainValues() {
        assertThatThrownBy(() -> PeerSpread.of(new double[] {90, Double.NaN})).hasMessageContaining("NaN");
    }
}
