package th.ita.core.batch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.MessageCodec;
import th.ita.core.message.Messages;

/**
 * Why a batch failed, as its readers read it: a catalog message (key and parameters, so it reads in
 * the reader's language), and its English text, for logs and for the batches failed before the
 * catalog held their reasons, which carry that text alone ({@code reason} null: shown as stored).
 */
public record BatchFailure(Message reason, String text) {
    public BatchFailure {
        requireNonNull(text, "text is null");
    }

    public static BatchFailure of(Message reason) {
        return new BatchFailure(requireNonNull(reason, "reason is null"), Messages.standard().render(reason, Language.EN));
    }

    /**
     * A failure as a store keeps it: the key and encoded parameters ({@link MessageCodec}) where it has
     * them, the English text always. A key the catalog does not know (any more), or parameters that
     * cannot be read, leave the text alone: an old reason stays readable.
     */
    public static BatchFailure stored(String key, String encodedParameters, String text) {
        String english = text == null ? "" : text;
        if (key == null || !Messages.standard().has(key)) {
            return new BatchFailure(null, english);
        }
        try {
            Message reason = MessageCodec.decode(key, encodedParameters);
            Messages.standard().render(reason, Language.TH);
            Messages.standard().render(reason, Language.EN);
            return new BatchFailure(reason, english.isEmpty() ? Messages.standard().render(reason, Language.EN) : english);
        } catch (IllegalArgumentException unreadable) {
            return new BatchFailure(null, english);
        }
    }

    /** The catalog key scripts can rely on ({@code batch.failure.noValidScores}); empty for an old free text. */
    public Optional<String> key() {
        return Optional.ofNullable(reason).map(Message::key);
    }

    /** The parameters as a store keeps them (an empty object for an old free text). */
    public String encodedParameters() {
        return MessageCodec.encodeParameters(reason == null ? java.util.Map.of() : reason.parameters());
    }

    /** The reason in a language: from the catalog, or the stored text of an old failure. */
    public String in(Language language) {
        return reason == null ? text : Messages.standard().render(reason, language);
    }
}
