package th.ita.charts;

import static java.util.Objects.requireNonNull;

import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;

/**
 * How to draw: size in pixels (SVG units), format, language of the texts and digits of the numbers.
 * Sizes are limited so that a request cannot ask for an image that exhausts the server.
 */
public record ChartOptions(int width, int height, Format format, Language language, Digits digits) {
    public static final int MIN_SIZE = 200;
    public static final int MAX_WIDTH = 4000;
    public static final int MAX_HEIGHT = 6000;

    public enum Format { PNG, SVG }

    public enum Language { TH, EN }

    public enum Digits { ARABIC, THAI }

    public ChartOptions {
        requireNonNull(format, "format is null");
        requireNonNull(language, "language is null");
        requireNonNull(digits, "digits is null");
        if (width < MIN_SIZE || width > MAX_WIDTH) {
            throw outOfRange("width", width, MAX_WIDTH);
        }
        if (height < MIN_SIZE || height > MAX_HEIGHT) {
            throw outOfRange("height", height, MAX_HEIGHT);
        }
    }

    private static ItaException outOfRange(String field, int value, int maximum) {
        return ItaException.invalidInput(Message.of("problem.invalidField", "field", field, "value", value,
                "reason", Message.of("validation.range", "min", MIN_SIZE, "max", maximum)));
    }

    public static ChartOptions defaults() {
        return new ChartOptions(1200, 800, Format.PNG, Language.TH, Digits.ARABIC);
    }

    public boolean thai() {
        return language == Language.TH;
    }

    /** Of a text the data carries in both languages (a name, a caption the caller wrote), the one in the chosen language. */
    public String text(String th, String en) {
        return thai() ? th : en;
    }

    /**
     * A word or sentence the chart itself draws or says, from the catalog ({@code chart.*}) in the chosen
     * language. Numbers come as text, already written in the chosen digits.
     */
    public String message(String key, Object... namesAndValues) {
        return Messages.standard().render(key, thai() ? th.ita.core.message.Language.TH : th.ita.core.message.Language.EN, namesAndValues);
    }
}
