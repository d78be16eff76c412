package th.ita.reports;

import java.util.Locale;

/**
 * How the documents write numbers and dates: two decimals, Thai (๙๕.๔๑) or Arabic digits by choice,
 * Buddhist Era years, Thai month names.
 */
public final class ThaiDocumentText {
    static final String[] MONTHS = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
            "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
    private final boolean thaiDigits;

    public ThaiDocumentText(boolean thaiDigits) {
        this.thaiDigits = thaiDigits;
    }

    public boolean thaiDigits() {
        return thaiDigits;
    }

    /** The text with its digits as chosen (0–9 → ๐–๙ for Thai digits). */
    public String digits(String text) {
        if (!thaiDigits || text == null) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            result.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
        }
        return result.toString();
    }

    /** A score with two decimals ("95.41"), or "–" when there is none. */
    public String score(Double value) {
        return value == null ? "–" : digits(String.format(Locale.ROOT, "%.2f", value));
    }

    /** A change with its sign ("+5.41", "-2.00"). */
    public String change(double value) {
        return digits(String.format(Locale.ROOT, "%+.2f", value));
    }

    public String number(long value) {
        return digits(Long.toString(value));
    }

    /** The fiscal year as a period: fiscal year 2569 runs 1 ตุลาคม 2568 – 30 กันยายน 2569. */
    public static String fiscalYearPeriod(int fiscalYear) {
        return "1 " + MONTHS[9] + " " + (fiscalYear - 1) + " – 30 " + MONTHS[8] + " " + fiscalYear;
    }
}
