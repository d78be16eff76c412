package th.ita.core.thai;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Numbers as Thai documents write them: Thai digits (๙๕.๔๑) or Arabic, with or without the words
 * "คะแนน" (score) or "ร้อยละ" (percent), a percent sign or thousands separators.
 */
public final class ThaiNumbers {
    private static final Pattern DECORATION = Pattern.compile("(คะแนน|ร้อยละ|%|,|\\s|\\u00A0)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private ThaiNumbers() {
    }

    /** Replaces Thai digits ๐–๙ with 0–9 and leaves everything else as it is. */
    public static String toArabicDigits(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            result.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
        }
        return result.toString();
    }

    /** The number in a cell, or empty when the cell holds no number (blank or text). */
    public static OptionalDouble parse(String cell) {
        if (cell == null) {
            return OptionalDouble.empty();
        }
        if (isPlainDecimal(cell)) {
            // The common case of machine-written files; skips normalization on the hot path of ingestion.
            return OptionalDouble.of(Double.parseDouble(cell));
        }
        String plain = DECORATION.matcher(toArabicDigits(ThaiText.clean(cell))).replaceAll("");
        if (!NUMBER.matcher(plain).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(plain));
    }

    private static boolean isPlainDecimal(String cell) {
        int length = cell.length();
        if (length == 0 || length > 12) {
            return false;
        }
        boolean digit = false;
        boolean dot = false;
        for (int i = 0; i < length; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}
