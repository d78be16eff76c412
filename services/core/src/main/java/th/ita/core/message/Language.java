package th.ita.core.message;

import java.util.Locale;

/**
 * The language a user reads: Thai unless they ask for English. A request names it by {@code ?lang=}
 * or by {@code Accept-Language}; anything else (no header, a language we do not write) reads as Thai.
 */
public enum Language {
    TH(Locale.forLanguageTag("th-TH")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The tag as written in {@code ?lang=} and in file names: {@code th}, {@code en}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language a {@code ?lang=} value or an {@code Accept-Language} header asks for: the first of
     * Thai or English by preference (q-values honoured), Thai when neither is named.
     */
    public static Language parse(String header) {
        if (header == null || header.isBlank()) {
            return TH;
        }
        Language best = null;
        double bestWeight = -1;
        for (String range : header.split(",")) {
            String[] parts = range.strip().split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            Language language = tag.equals("en") || tag.startsWith("en-") ? EN : tag.equals("th") || tag.startsWith("th-") ? TH : null;
            if (language != null && weight > 0 && weight > bestWeight) {
                best = language;
                bestWeight = weight;
            }
        }
        return best == null ? TH : best;
    }
}
