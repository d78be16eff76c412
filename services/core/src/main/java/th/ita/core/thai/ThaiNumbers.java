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
        long hundredths = plainHundredths(cell);
        if (hundredths >= 0) {
            // The common case of machine-written files ("95.41"): skips normalization and Double.parseDouble on the hot
            // path of ingestion. Dividing the exact number of hundredths by 100 rounds once, to the same double.
            return OptionalDouble.of(hundredths / 100.0);
        }
        if (isPlainDecimal(cell)) {
            return OptionalDouble.of(Double.parseDouble(cell));
        }
        String plain = DECORATION.matcher(toArabicDigits(ThaiText.clean(cell))).replaceAll("");
        if (!NUMBER.matcher(plain).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(plain));
    }

    /** The number of hundredths in plain digits with at most two decimals and twelve characters ("95.41", "7"), else -1. */
    private static long plainHundredths(String cell) {
        int length = cell.length();
        if (length == 0 || length > 12) {
            return -1;
        }
        long whole = 0;
        int decimals = -1;
        boolean digit = false;
        for (int i = 0; i < length; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                if (decimals == 2) {
                    return -1;
                }
                whole = whole * 10 + (c - '0');
                digit = true;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return -1;
            }
        }
        if (!digit) {
            return -1;
        }
        for (int scale = Math.max(decimals, 0); scale < 2; scale++) {
            whole *= 10;
        }
        return whole;
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
