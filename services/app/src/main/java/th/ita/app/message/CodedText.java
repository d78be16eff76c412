package th.ita.app.message;

import io.micronaut.serde.annotation.Serdeable;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * A text a user reads with the code scripts rely on: {@code {"code": "OUT_OF_RANGE", "message": "…"}}.
 * The code never changes with the language; the message is in the caller's.
 */
@Serdeable
public record CodedText(String code, String message) {
    public static CodedText of(Message message, Language language) {
        return new CodedText(message.code(), Messages.standard().render(message, language));
    }
}
