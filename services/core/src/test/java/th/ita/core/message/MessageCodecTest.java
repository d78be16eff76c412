package th.ita.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final Messages MESSAGES = Messages.standard();

    private static Message roundTrip(Message message) {
        return MessageCodec.decode(message.key(), MessageCodec.encodeParameters(message.parameters()));
    }

    @Test
    void keepsANestedMessageAMessageSoEachLanguageRendersItsOwnWords() {
        Message truncated = Message.of("file.atLine", "line", 12L, "reason", Message.of("file.truncated", "format", "CSV"));

        Message stored = roundTrip(truncated);

        assertThat(stored).isEqualTo(truncated);
        assertThat(MESSAGES.render(stored, Language.TH)).isEqualTo("บรรทัด 12: อ่าน CSV ต่อไม่ได้: ไฟล์ขาดหรือผิดรูปแบบ");
        assertThat(MESSAGES.render(stored, Language.EN)).isEqualTo("line 12: the CSV cannot be read on: the file is truncated or malformed");
    }

    @Test
    void keepsBothLanguagesOfALocalizedNameAndScoresAsScores() {
        Localized pass = new Localized("ผ่าน", "pass");
        Localized goodPass = new Localized("ผ่านดี", "good pass");
        Message failure = Message.of("level.failure.below", "tool", "EIT", "score", 83.2, "minimum", "85");
        Message reason = Message.of("level.reason.downgraded", "level", pass, "missed", goodPass, "failures", List.of(failure));

        Message stored = roundTrip(reason);

        assertThat(MESSAGES.render(stored, Language.TH)).isEqualTo("ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 83.20 < 85");
        assertThat(MESSAGES.render(stored, Language.EN)).isEqualTo("pass, not good pass: EIT 83.20 < 85");
    }

    @Test
    void keepsQuotesBackslashesLineBreaksAndThaiTextAsTheyWere() {
        String header = "[ปี, \"name\", a\\b,\tc\nd, \u0001]";
        Map<String, Object> decoded = MessageCodec.decodeParameters(MessageCodec.encodeParameters(Map.of("header", header)));

        assertThat(decoded).containsEntry("header", header);
    }

    @Test
    void writesWholeNumbersWholeAndNoParametersAsAnEmptyObject() {
        assertThat(MessageCodec.encodeParameters(Map.of("line", 7))).isEqualTo("{\"line\":7}");
        assertThat(MessageCodec.encodeParameters(Map.of("score", 85.0))).isEqualTo("{\"score\":85.0}");
        assertThat(MessageCodec.encodeParameters(Map.of())).isEqualTo("{}");
        assertThat(MessageCodec.decodeParameters(null)).isEmpty();
        assertThat(MessageCodec.decodeParameters("{}")).isEmpty();
    }

    @Test
    void refusesATextThatIsNotParametersItWrote() {
        assertThatThrownBy(() -> MessageCodec.decodeParameters("{\"line\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decodeParameters("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decodeParameters("{\"a\":\"b\"} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
