package th.ita.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import th.ita.analytics.table.ScoreTable;
import th.ita.core.framework.Frameworks;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.tenant.TenantId;

/** Test data: seed 002's published 2568 indicators and tools, and a few made-up peers and years. */
final class Seed002 {
    static final TenantId TENANT = TenantId.of("test");
    static final Map<String, Double> INDICATORS_2568 = Map.of(
            "ind1", 98.67, "ind2", 99.24, "ind3", 100.00, "ind4", 95.62, "ind5", 97.90,
            "ind6", 93.94, "ind7", 93.14, "ind8", 92.14, "ind9", 100.00, "ind10", 90.00);

    private Seed002() {
    }

    static Organization organization(long id, String name, String province) {
        return new Organization(id, TENANT, "C" + id, name, null, OrganizationType.SUBDISTRICT_MUNICIPALITY, province, null, List.of());
    }

    static List<ScoreFact> muangYai2568() {
        List<ScoreFact> facts = new ArrayList<>();
        INDICATORS_2568.forEach((metric, value) -> facts.add(new ScoreFact(1, 2568, metric, value, Provenance.REPORTED)));
        facts.add(new ScoreFact(1, 2568, "total", 95.41, Provenance.REPORTED));
        facts.add(new ScoreFact(1, 2568, "IIT", 98.29, Provenance.DERIVED));
        facts.add(new ScoreFact(1, 2568, "EIT", 93.07, Provenance.DERIVED));
        facts.add(new ScoreFact(1, 2568, "OIT", 95.00, Provenance.DERIVED));
        for (int item = 25; item <= 28; item++) {
            facts.add(new ScoreFact(1, 2568, "o" + item, item == 27 ? 50 : 100, Provenance.REPORTED));
        }
        return facts;
    }

    static ScoreTable table(List<Organization> organizations, List<ScoreFact> facts) {
        return ScoreTable.builder(organizations, Frameworks.bundled()).add(facts).build();
    }
}
