package th.ita.core.message;

import static java.util.Objects.requireNonNull;

/** A text that data carries in both languages (a level's or an indicator's name from the framework files). */
public record Localized(String th, String en) {
    public Localized {
        requireNonNull(th, "th is null");
        requireNonNull(en, "en is null");
    }

    public String in(Language language) {
        return language == Language.EN ? en : th;
    }
}
