package th.ita.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.ita.core.message.Language;
import th.ita.core.message.Message;

class BatchFailureTest {

    @Test
    void readsAFailureStoredAsKeyAndParametersInThaiByDefaultAndInEnglishOnRequest() {
        BatchFailure failure = BatchFailure.of(Message.of("batch.failure.noValidScores"));

        BatchFailure stored = BatchFailure.stored(failure.key().orElseThrow(), failure.encodedParameters(), failure.text());

        assertThat(stored.in(Language.TH)).isEqualTo("ไม่มีคะแนนที่ใช้ได้ในไฟล์: ทุกแถวถูกปฏิเสธ");
        assertThat(stored.in(Language.EN)).isEqualTo("no valid scores in the file: every row was rejected");
        assertThat(stored.text()).isEqualTo("no valid scores in the file: every row was rejected");
    }

    @Test
    void showsAnOldFreeTextAsItWasStoredInEitherLanguage() {
        BatchFailure old = BatchFailure.stored(null, null, "the file could not be loaded: Stream closed");

        assertThat(old.key()).isEmpty();
        assertThat(old.in(Language.TH)).isEqualTo("the file could not be loaded: Stream closed");
        assertThat(old.in(Language.EN)).isEqualTo("the file could not be loaded: Stream closed");
    }

    @Test
    void fallsBackToTheStoredTextWhenTheKeyIsUnknownOrItsParametersDoNotRender() {
        assertThat(BatchFailure.stored("batch.failure.gone", "{}", "an old reason").in(Language.TH)).isEqualTo("an old reason");
        assertThat(BatchFailure.stored("file.atLine", "{}", "line 3: broken").in(Language.TH)).isEqualTo("line 3: broken");
        assertThat(BatchFailure.stored("file.atLine", "{\"line\":", "line 3: broken").key()).isEmpty();
    }
}
