package th.ita.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.ita.core.message.Message;
import th.ita.core.message.Language;
import th.ita.core.access.IssuedToken;
import th.ita.core.access.IssuedTokens;
import th.ita.core.access.Role;
import th.ita.core.access.Tenant;
import th.ita.core.access.Tenants;
import th.ita.core.access.User;
import th.ita.core.access.Users;
import th.ita.core.audit.AuditEntry;
import th.ita.core.audit.AuditTrail;
import th.ita.core.group.PeerGroups;
import th.ita.core.group.SavedPeerGroup;
import th.ita.core.tenant.TenantId;

/** The relational persistence the application reads through its ports: tenants, users, tokens, audit, groups. */
class H2AccessStoreTest {
    private static final TenantId TENANT = TenantId.of("chiang-rai");
    @TempDir
    static Path directory;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = JdbcStoreTestSupport.start(
                "jdbc:h2:file:" + directory.resolve("ita") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", "H2");
        context.getBean(Tenants.class).create(new Tenant(TENANT, "เชียงราย", "Chiang Rai", false, Instant.now()));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static User officer(String username) {
        return context.getBean(Users.class).add(new User(0, TENANT, username, "สมชาย", Role.PROVINCE_OFFICER, List.of("57", "50"), null,
                "$argon2id$hash", false, Instant.now()));
    }

    @Test
    void findsATenantAndWhetherItPublishesPeerDetail() {
        assertThat(context.getBean(Tenants.class).exists(TENANT)).isTrue();
        assertThat(context.getBean(Tenants.class).find(TENANT).orElseThrow().publishPeerDetail()).isFalse();
        assertThat(context.getBean(Tenants.class).exists(TenantId.of("nowhere"))).isFalse();
    }

    @Test
    void keepsAUsersProvincesAndDisablesThemWithinTheirTenantOnly() {
        Users users = context.getBean(Users.class);
        User added = officer("somchai");

        assertThat(users.byUsername("somchai").orElseThrow().provinceCodes()).containsExactly("57", "50");
        assertThat(users.byId(TenantId.of("other"), added.id())).isEmpty();
        assertThat(users.setDisabled(TENANT, added.id(), true).disabled()).isTrue();
        assertThat(users.of(TENANT)).extracting(User::username).contains("somchai");
    }

    @Test
    void findsATokenByItsHashUntilRevoked() {
        IssuedTokens tokens = context.getBean(IssuedTokens.class);
        User user = officer("somsri");
        Instant now = Instant.now();
        IssuedToken token = tokens.add(new IssuedToken(0, TENANT, user.id(), "API", "nightly load", "a".repeat(64), now, now.plus(Duration.ofDays(1)), null));

        assertThat(tokens.byHash("a".repeat(64))).map(IssuedToken::id).contains(token.id());
        assertThat(tokens.unrevokedOf(user.id())).hasSize(1);
        tokens.revoke(token.id(), now);

        assertThat(tokens.byHash("a".repeat(64)).orElseThrow().revokedAt()).isNotNull();
        assertThat(tokens.unrevokedOf(user.id())).isEmpty();
        assertThat(tokens.ofKind(TENANT, "API")).extracting(IssuedToken::name).contains("nightly load");
    }

    @Test
    void listsAuditEntriesNewestFirstAndCutsOverlongText() {
        AuditTrail trail = context.getBean(AuditTrail.class);
        TenantId tenant = TenantId.of("audited");
        trail.append(new AuditEntry(0, tenant, Instant.now(), "admin", "USER_CREATED", "user a", "ANALYST", null, null));
        trail.append(new AuditEntry(0, tenant, Instant.now(), "admin", "INGEST", "batch 1", "x".repeat(3_000), null, null));

        List<AuditEntry> recent = trail.recent(tenant, 10);
        assertThat(recent).extracting(AuditEntry::action).containsExactly("INGEST", "USER_CREATED");
        assertThat(recent.get(0).detail()).hasSize(2_000);
        // Recorded without a message (as before V10): read as stored, in every language.
        assertThat(recent.get(1).targetIn(Language.TH)).isEqualTo("user a");
    }

    @Test
    void keepsAnAuditEntrysTargetAndDetailAsMessagesBesideTheirEnglishText() {
        AuditTrail trail = context.getBean(AuditTrail.class);
        TenantId tenant = TenantId.of("audited-in-two-languages");
        trail.append(AuditEntry.of(tenant, Instant.now(), "admin", "SIGN_IN", Message.of("audit.target.user", "user", "somchai"),
                Message.of("audit.detail.from", "address", "10.0.0.7")));

        AuditEntry read = trail.recent(tenant, 1).get(0);
        assertThat(read.target()).isEqualTo("user somchai");
        assertThat(read.detail()).isEqualTo("from 10.0.0.7");
        assertThat(read.targetIn(Language.TH)).isEqualTo("ผู้ใช้ somchai");
        assertThat(read.detailIn(Language.TH)).isEqualTo("จาก 10.0.0.7");
        assertThat(read.detailIn(Language.EN)).isEqualTo("from 10.0.0.7");
    }

    @Test
    void savesAPeerGroupWithItsMembersAndDeletesBoth() {
        PeerGroups groups = context.getBean(PeerGroups.class);
        SavedPeerGroup group = groups.save(TENANT, "เทศบาลริมโขง", "somchai", List.of(11L, 12L, 11L));

        assertThat(groups.members(TENANT, group.id())).containsExactlyInAnyOrder(11L, 12L);
        assertThat(groups.find(TenantId.of("other"), group.id())).isEmpty();
        assertThat(groups.members(TenantId.of("other"), group.id())).isEmpty();
        groups.delete(TENANT, group.id());

        assertThat(groups.find(TENANT, group.id())).isEmpty();
        assertThat(groups.members(TENANT, group.id())).isEmpty();
    }
}
