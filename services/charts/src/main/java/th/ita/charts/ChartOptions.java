package th.ita.charts;

import static java.util.Objects.requireNonNull;

import th.ita.core.error.ItaException;

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
            throw ItaException.invalidInput("width must be " + MIN_SIZE + "–" + MAX_WIDTH + " pixels, not " + width);
        }
        if (height < MIN_SIZE || height > MAX_HEIGHT) {
            throw ItaException.invalidInput("height must be " + MIN_SIZE + "–" + MAX_HEIGHT + " pixels, not " + height);
        }
    }

    public static ChartOptions defaults() {
        return new ChartOptions(1200, 800, Format.PNG, Language.TH, Digits.ARABIC);
    }

    public boolean thai() {
        return language == Language.TH;
    }

    /** The text in the chosen language. */
    public String text(String th, String en) {
        return thai() ? th : en;
    }
}
