package th.ita.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.ita.core.access.Role;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.MessageCodec;
import th.ita.core.message.Messages;

class AuditLabelsTest {
    private final Messages messages = Messages.standard();

    @Test
    void namesARoleAndAChartKindInThaiAndKeepsTheCodesInEnglish() {
        Message role = Message.of("audit.detail.role", "role", AuditLabels.role(Role.ANALYST));
        Message chart = Message.of("audit.target.chartDataOf", "kind", AuditLabels.chartKind("trend"), "code", "5713001");

        assertThat(messages.render(role, Language.TH)).isEqualTo("บทบาท นักวิเคราะห์");
        assertThat(messages.render(role, Language.EN)).isEqualTo("ANALYST");
        assertThat(messages.render(chart, Language.TH)).contains("แนวโน้ม").doesNotContain("trend");
        assertThat(messages.render(chart, Language.EN)).isEqualTo("chart data trend of 5713001");
    }

    @Test
    void everyRoleAndChartKindHasALabelThatSurvivesTheStore() {
        for (Role role : Role.values()) {
            assertThat(AuditLabels.role(role)).as(role.name()).isInstanceOf(Message.class);
            Message stored = MessageCodec.decode("audit.detail.role", MessageCodec.encodeParameters(Message.of("x", "role", AuditLabels.role(role)).parameters()));
            assertThat(messages.render(stored, Language.TH)).as(role.name()).doesNotContain(role.name()).isNotBlank();
        }
        for (String kind : new String[] {"ranking", "trend", "profile", "distribution", "heatmap", "levels"}) {
            assertThat(AuditLabels.chartKind(kind)).as(kind).isInstanceOf(Message.class);
            assertThat(messages.render((Message) AuditLabels.chartKind(kind), Language.EN)).isEqualTo(kind);
        }
    }

    @Test
    void leavesAKindTheCatalogDoesNotKnowAsItCame() {
        assertThat(AuditLabels.chartKind("pie")).isEqualTo("pie");
    }
}
