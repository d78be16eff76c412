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
        if (isClean(text)) {
            return text;
        }
        String result = Normalizer.normalize(text, Normalizer.Form.NFC);
        result = INVISIBLE.matcher(result).replaceAll("");
        result = result.replace("\u0E4D\u0E32", "\u0E33");
        return SPACES.matcher(result).replaceAll(" ").strip();
    }

    /** Most cells are already clean; checking is much cheaper than normalizing (this is on ingestion's hot path). */
    private static boolean isClean(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        if (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean suspicious = c > 0x7E && !(c >= 0x0E01 && c <= 0x0E5B && c != 0x0E4D);
            if (suspicious || c < 0x20 || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** A key for matching names: cleaned, without any spaces or dots, lower case. */
    public static String matchKey(String text) {
        return clean(text).replace(" ", "").replace(".", "").toLowerCase(java.util.Locale.ROOT);
    }
}
