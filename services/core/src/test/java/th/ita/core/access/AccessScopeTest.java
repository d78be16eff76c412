package th.ita.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.tenant.TenantId;

class AccessScopeTest {
    private static final TenantId TENANT = TenantId.of("demo");
    private final Organization muangYai = new Organization(1, TENANT, "5713001", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of());
    private final Organization peer = new Organization(2, TENANT, "5713002", "ท่าข้าม", null, OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "57", "5713", List.of());
    private final Organization trat = new Organization(3, TENANT, "2301003", "หนองเสม็ด", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "23", "2301", List.of());
    private final Organization foreign = new Organization(4, TenantId.of("other"), "5713001", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of());

    private AccessScope scope(Role role, Set<String> provinces, Long organization, boolean published) {
        return new AccessScope(TENANT, "someone", role, provinces, organization, published);
    }

    @Test
    void letsAnAnalystSeeEveryOrganizationOfTheTenantInDetailButNoneOfAnother() {
        AccessScope analyst = scope(Role.ANALYST, Set.of(), null, false);
        assertThat(analyst.canSeeDetailOf(trat)).isTrue();
        assertThat(analyst.canSee(foreign)).isFalse();
        assertThat(analyst.canIngest()).isFalse();
        assertThat(analyst.canReadBatches()).isTrue();
    }

    @Test
    void letsAProvinceOfficerSeeOnlyTheAssignedProvinces() {
        AccessScope officer = scope(Role.PROVINCE_OFFICER, Set.of("57"), null, false);
        assertThat(officer.canSeeDetailOf(peer)).isTrue();
        assertThat(officer.canSee(trat)).isFalse();
        assertThat(officer.canReadBatches()).isFalse();
    }

    @Test
    void showsAnOrganizationUserPeersButNotTheirDetailUnlessTheTenantPublishesIt() {
        AccessScope own = scope(Role.ORGANIZATION_USER, Set.of(), 1L, false);
        assertThat(own.canSeeDetailOf(muangYai)).isTrue();
        assertThat(own.canSee(trat)).isTrue();
        assertThat(own.canSeeDetailOf(peer)).isFalse();
        assertThat(scope(Role.ORGANIZATION_USER, Set.of(), 1L, true).canSeeDetailOf(peer)).isTrue();
        assertThat(own.canSee(foreign)).isFalse();
    }

    @Test
    void requiresTheAttachmentsARoleNeeds() {
        assertThatThrownBy(() -> scope(Role.PROVINCE_OFFICER, Set.of(), null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scope(Role.ORGANIZATION_USER, Set.of(), null, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
