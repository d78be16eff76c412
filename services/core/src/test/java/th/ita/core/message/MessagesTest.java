package th.ita.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Messages MESSAGES = Messages.standard();
    /** English texts that quote what a user may type in Thai (a Thai digit, a Thai abbreviation): input forms, not translations. */
    private static final Set<String> ENGLISH_QUOTING_THAI_INPUT = Set.of("row.INVALID_YEAR", "row.INVALID_NUMBER", "row.UNKNOWN_TYPE", "validation.metric",
            "file.noYearColumn", "file.noOrganizationColumn", "file.longLayoutNeedsMetricAndValue");

    private static boolean hasThai(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.THAI);
    }

    @Test
    void hasEveryKeyInThaiAndInEnglish() {
        assertThat(MESSAGES.keys(Language.EN)).isEqualTo(MESSAGES.keys(Language.TH));
        assertThat(MESSAGES.keys(Language.TH)).hasSizeGreaterThan(100);
        for (String key : MESSAGES.keys(Language.TH)) {
            assertThat(MESSAGES.template(key, Language.TH)).as(key).isNotBlank();
            assertThat(MESSAGES.template(key, Language.EN)).as(key).isNotBlank();
        }
    }

    @Test
    void usesTheSameParametersInBothLanguages() {
        for (String key : MESSAGES.keys(Language.TH)) {
            assertThat(MESSAGES.parameters(key, Language.EN)).as(key).isEqualTo(MESSAGES.parameters(key, Language.TH));
        }
    }

    @Test
    void writesThaiTextsInThaiAndEnglishTextsWithoutThai() {
        for (String key : MESSAGES.keys(Language.TH)) {
            String thai = MESSAGES.template(key, Language.TH);
            String english = MESSAGES.template(key, Language.EN);
            boolean neutral = thai.replaceAll("\\{\\w+}", "").codePoints().noneMatch(Character::isLetter);
            if (!neutral && (!key.startsWith("csv.header.") || !thai.equals(english))) {
                assertThat(hasThai(thai)).as("Thai text of %s: %s", key, thai).isTrue();
            }
            if (!ENGLISH_QUOTING_THAI_INPUT.contains(key)) {
                assertThat(hasThai(english)).as("English text of %s: %s", key, english).isFalse();
            }
        }
    }

    @Test
    void rendersParametersScoresLocalizedNamesAndNestedMessages() {
        Localized pass = new Localized("ผ่าน", "pass");
        Localized goodPass = new Localized("ผ่านดี", "good pass");
        Message failure = Message.of("level.failure.below", "tool", "EIT", "score", 83.2, "minimum", "85");
        Message reason = Message.of("level.reason.downgraded", "level", pass, "missed", goodPass, "failures", List.of(failure));
        assertThat(MESSAGES.render(reason, Language.TH)).isEqualTo("ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT 83.20 < 85");
        assertThat(MESSAGES.render(reason, Language.EN)).isEqualTo("pass, not good pass: EIT 83.20 < 85");
        assertThat(MESSAGES.render("row.DUPLICATE", Language.TH, "firstLine", 7)).isEqualTo("คะแนนเดียวกันนี้มีแล้วในบรรทัด 7; ข้ามแถวนี้");
    }

    @Test
    void printsFractionalNumbersAsScoresRoundedHalfUp() {
        assertThat(MESSAGES.render("row.OUT_OF_RANGE", Language.EN, "value", 95.405)).isEqualTo("score 95.41 is outside 0–100");
        assertThat(MESSAGES.render("row.OUT_OF_RANGE", Language.EN, "value", 100.125)).isEqualTo("score 100.13 is outside 0–100");
    }

    @Test
    void refusesAMessageWithoutItsParametersOrAnUnknownKey() {
        assertThatThrownBy(() -> MESSAGES.render("row.DUPLICATE", Language.TH)).hasMessageContaining("firstLine");
        assertThatThrownBy(() -> MESSAGES.render("row.NO_SUCH_CODE", Language.TH)).hasMessageContaining("row.NO_SUCH_CODE");
    }

    @Test
    void namesItsCodeByTheLastPartOfTheKey() {
        assertThat(Message.of("row.OUT_OF_RANGE", "value", "120").code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void readsThaiUnlessEnglishIsPreferred() {
        assertThat(Language.parse(null)).isEqualTo(Language.TH);
        assertThat(Language.parse("")).isEqualTo(Language.TH);
        assertThat(Language.parse("fr-FR")).isEqualTo(Language.TH);
        assertThat(Language.parse("en")).isEqualTo(Language.EN);
        assertThat(Language.parse("en-US,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.parse("th-TH,th;q=0.9,en;q=0.8")).isEqualTo(Language.TH);
        assertThat(Language.parse("fr;q=1, en;q=0.5, th;q=0.7")).isEqualTo(Language.TH);
        assertThat(Language.parse("EN")).isEqualTo(Language.EN);
        assertThat(Language.parse("en;q=0")).isEqualTo(Language.TH);
    }
}
