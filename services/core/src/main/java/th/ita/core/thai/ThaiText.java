package th.ita.core.thai;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Normalization of Thai names as real files spell them, so equal names compare equal. */
public final class ThaiText {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private ThaiText() {
    }

    /** NFC, no zero-width characters, single spaces, trimmed; SARA AM written as NIKHAHIT + SARA AA becomes SARA AM. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String result = Normalizer.normalize(text, Normalizer.Form.NFC);
        result = INVISIBLE.matcher(result).replaceAll("");
        result = result.replace("\u0E4D\u0E32", "\u0E33");
        return SPACES.matcher(result).replaceAll(" ").strip();
    }

    /** A key for matching names: cleaned, without any spaces or dots, lower case. */
    public static String matchKey(String text) {
        return clean(text).replace(" ", "").replace(".", "").toLowerCase(java.util.Locale.ROOT);
    }
}
