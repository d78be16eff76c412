package th.ita.core.thai;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Thai fiscal years in the Buddhist Era (พ.ศ.), as users speak of them: BE = CE + 543, and fiscal
 * year 2568 runs 1 Oct 2024 – 30 Sep 2025. Input may be BE or CE; the platform stores and shows BE.
 */
public final class FiscalYear {
    public static final int BUDDHIST_ERA_OFFSET = 543;
    /** Plausible range of ITA years; CE years map into it, so the two ranges cannot be confused. */
    public static final int FIRST_BE = 2540;
    public static final int LAST_BE = 2650;
    private static final Pattern PREFIX = Pattern.compile("(ปีงบประมาณ|ปีงบ|ปี|พ\\.ศ\\.|พศ|ค\\.ศ\\.|fy|be|ce|\\s)", Pattern.CASE_INSENSITIVE);

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private FiscalYear() {
    }

    /** The BE year in a cell ("2568", "๒๕๖๘", "พ.ศ. 2568", "2025"), or empty when it is none. */
    public static OptionalInt parseBuddhistEra(String cell) {
        if (cell == null) {
            return OptionalInt.empty();
        }
        String digits = ThaiNumbers.toArabicDigits(ThaiText.clean(cell));
        // Most cells are the year alone: no prefix to strip (this runs for every row of a file).
        String plain = FOUR_DIGITS.matcher(digits).matches() ? digits : PREFIX.matcher(digits).replaceAll("");
        if (!FOUR_DIGITS.matcher(plain).matches()) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(plain);
        if (year >= FIRST_BE - BUDDHIST_ERA_OFFSET && year <= LAST_BE - BUDDHIST_ERA_OFFSET) {
            year += BUDDHIST_ERA_OFFSET;
        }
        return year >= FIRST_BE && year <= LAST_BE ? OptionalInt.of(year) : OptionalInt.empty();
    }
}
