package th.ita.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import th.ita.core.message.Language;

class AuditLogTest {
    /** The action codes the platform records (AuditLog.record's callers). */
    private static final List<String> ACTIONS = List.of("TENANT_CREATED", "USER_CREATED", "USER_DISABLED", "USER_ENABLED", "TOKEN_CREATED",
            "TOKEN_REVOKED", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_OUT", "INGEST", "INGEST_REPEATED", "INGEST_FAILED", "EXPORT", "EXPORT_REFUSED",
            "EXPORT_FAILED", "GROUP_CREATED", "GROUP_DELETED", "MEASURES_DRAFTED", "MEASURE_CREATED", "MEASURE_UPDATED", "MEASURE_DELETED",
            "RATE_LIMITED");

    @Test
    void namesEveryActionInThaiAndInEnglish() {
        for (String action : ACTIONS) {
            String thai = AuditLog.actionText(action, Language.TH);
            String english = AuditLog.actionText(action, Language.EN);
            assertThat(thai).as(action).isNotEqualTo(action).containsPattern("[\\u0E00-\\u0E7F]");
            assertThat(english).as(action).isNotEqualTo(action).doesNotContainPattern("[\\u0E00-\\u0E7F]").isNotEqualTo(thai);
        }
    }

    @Test
    void readsAnActionWithoutALabelAsItsCode() {
        assertThat(AuditLog.actionText("SOMETHING_NEW", Language.TH)).isEqualTo("SOMETHING_NEW");
    }
}
