package th.ita.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.tenant.TenantId;

class AccessScopeTest {
    private static final TenantId TENANT = TenantId.of("demo");
    private final Organization muangYai = new Organization(1, TENANT, "5713001", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of());
    private final Organization peer = new Organization(2, TENANT, "5713002", "ท่าข้าม", null, OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "57", "5713", List.of());
    private final Organization trat = new Organization(3, TENANT, "2301003", "หนองเสม็ด", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "23", "2301", List.of());
    private final Organization foreign = new Organization(4, TenantId.of("other"), "5713001", "ม่วงยาย", null, OrganizationType.SUBDISTRICT_MUNICIPALITY, "57", "5713", List.of());

    private final AccessScope admin = scope(Role.TENANT_ADMIN, Set.of(), null, false);
    private final AccessScope analyst = scope(Role.ANALYST, Set.of(), null, false);
    private final AccessScope officer = scope(Role.PROVINCE_OFFICER, Set.of("57"), null, false);
    private final AccessScope organizationUser = scope(Role.ORGANIZATION_USER, Set.of(), 1L, false);
    private final AccessScope organizationUserOfAPublishingTenant = scope(Role.ORGANIZATION_USER, Set.of(), 1L, true);

    private static AccessScope scope(Role role, Set<String> provinces, Long organization, boolean published) {
        return new AccessScope(TENANT, "someone", role, provinces, organization, published);
    }

    private static ErrorCode codeOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ItaException e) {
            return e.code();
        }
    }

    @Test
    void letsAnAnalystSeeEveryOrganizationOfTheTenantInDetailButNoneOfAnother() {
        assertThat(analyst.canSeeDetailOf(trat)).isTrue();
        assertThat(analyst.canSee(foreign)).isFalse();
        assertThat(analyst.canSeeDetailOf(foreign)).isFalse();
    }

    @Test
    void letsAProvinceOfficerSeeOnlyTheAssignedProvinces() {
        assertThat(officer.canSeeDetailOf(peer)).isTrue();
        assertThat(officer.canSee(trat)).isFalse();
        assertThat(officer.canSeeProvince("57")).isTrue();
        assertThat(officer.canSeeProvince("23")).isFalse();
        assertThat(analyst.canSeeProvince("23")).isTrue();
    }

    @Test
    void answersAProvinceOutsideAnOfficersScopeAsNotFoundNotForbidden() {
        assertThat(codeOf(() -> officer.requireProvince("23"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatCode(() -> officer.requireProvince("57")).doesNotThrowAnyException();
    }

    @Test
    void answersAnotherTenantsPathAsNotFound() {
        assertThat(analyst.isOwnTenant("demo")).isTrue();
        assertThat(analyst.isOwnTenant("other")).isFalse();
        assertThat(codeOf(() -> analyst.requireOwnTenant("other"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void showsAnOrganizationUserPeersButNotTheirDetailUnlessTheTenantPublishesIt() {
        assertThat(organizationUser.canSeeDetailOf(muangYai)).isTrue();
        assertThat(organizationUser.canSee(trat)).isTrue();
        assertThat(organizationUser.canSeeDetailOf(peer)).isFalse();
        assertThat(organizationUserOfAPublishingTenant.canSeeDetailOf(peer)).isTrue();
        assertThat(organizationUser.canSee(foreign)).isFalse();
        assertThat(codeOf(() -> organizationUser.requireDetailOf(peer))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void letsEveryoneReadTheTotalOfWhatTheySeeButMetricsBelowItOnlyWithTheDetail() {
        assertThat(organizationUser.canReadMetricOf(peer, "total")).isTrue();
        assertThat(organizationUser.canReadMetricOf(peer, "ind1")).isFalse();
        assertThat(organizationUser.canReadMetricOf(muangYai, "ind1")).isTrue();
        assertThat(officer.canReadMetricOf(trat, "total")).as("outside the scope even the total").isFalse();
        assertThat(codeOf(() -> organizationUser.requireMetricOf(peer, "EIT"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void comparesPeersOnTheTotalForEveryoneAndBelowItOnlyWithPeersDetail() {
        assertThat(organizationUser.canComparePeersOn("total")).isTrue();
        assertThat(organizationUser.canComparePeersOn("ind1")).isFalse();
        assertThat(organizationUserOfAPublishingTenant.canComparePeersOn("ind1")).isTrue();
        assertThat(officer.canComparePeersOn("ind1")).isTrue();
        assertThat(codeOf(() -> organizationUser.requireComparisonOn("IIT"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void keepsPeersIndicatorsAcrossAGroupFromOrganizationUsersUnlessPublished() {
        assertThat(organizationUser.canSeePeersDetail()).isFalse();
        assertThat(organizationUserOfAPublishingTenant.canSeePeersDetail()).isTrue();
        assertThat(officer.canSeePeersDetail()).isTrue();
        assertThat(analyst.canSeePeersDetail()).isTrue();
        assertThat(codeOf(organizationUser::requirePeersDetail)).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void letsOnlyATenantAdminLoadDataAndAdministerTheTenant() {
        assertThat(List.of(admin, analyst, officer, organizationUser).stream().map(AccessScope::canIngest).toList()).containsExactly(true, false, false, false);
        assertThat(List.of(admin, analyst, officer, organizationUser).stream().map(AccessScope::canAdminister).toList()).containsExactly(true, false, false, false);
        assertThat(codeOf(analyst::requireIngest)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(analyst::requireAdministration)).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void letsTenantAdminsAndAnalystsReadBatchesAndOfficersExportToo() {
        assertThat(List.of(admin, analyst, officer, organizationUser).stream().map(AccessScope::canReadBatches).toList()).containsExactly(true, true, false, false);
        // An officer's reads, and so their exports, cover their own provinces only.
        assertThat(List.of(admin, analyst, officer, organizationUser).stream().map(AccessScope::canExport).toList()).containsExactly(true, true, true, false);
        assertThat(codeOf(officer::requireBatches)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(organizationUser::requireExport)).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void letsTheCreatorOrATenantAdminDeleteASavedGroup() {
        assertThat(analyst.canDeleteGroupCreatedBy("someone")).isTrue();
        assertThat(analyst.canDeleteGroupCreatedBy("somebody else")).isFalse();
        assertThat(admin.canDeleteGroupCreatedBy("somebody else")).isTrue();
        assertThat(codeOf(() -> officer.requireGroupDeletion("somebody else"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void givesThePlatformOperatorATenantAdminsScopeWithPeersDetail() {
        AccessScope operator = AccessScope.platformOperator(TENANT);
        assertThat(operator.role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(operator.canSeeDetailOf(trat)).isTrue();
        assertThat(operator.canSee(foreign)).isFalse();
    }

    @Test
    void requiresTheAttachmentsARoleNeeds() {
        assertThatThrownBy(() -> scope(Role.PROVINCE_OFFICER, Set.of(), null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scope(Role.ORGANIZATION_USER, Set.of(), null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsAnOrganizationUserExportItsOwnDetailButNoPeersAndAnOfficerOnlyInsideTheProvinces() {
        assertThat(organizationUser.canExportDetailOf(muangYai)).isTrue();
        assertThat(organizationUser.canExportDetailOf(peer)).isFalse();
        // Even where the tenant publishes peers' detail to read, their export stays with those who may export.
        assertThat(organizationUserOfAPublishingTenant.canExportDetailOf(peer)).isFalse();
        assertThat(officer.canExportDetailOf(peer)).isTrue();
        assertThat(officer.canExportDetailOf(trat)).isFalse();
        assertThat(analyst.canExportDetailOf(foreign)).isFalse();
        assertThat(codeOf(() -> organizationUser.requireExportOf(peer))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatCode(() -> organizationUser.requireExportOf(muangYai)).doesNotThrowAnyException();
    }
}
