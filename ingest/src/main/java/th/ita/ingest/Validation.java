package th.ita.ingest;

/** Small checks on cell text that more than one part of ingestion needs. */
final class Validation {
    private Validation() {
    }

    /**
     * A cell a spreadsheet would run as a formula: it starts with =, +, @ or a tab/CR, or with - followed
     * by something that is not a number. Such text is never stored, so it cannot reach an export.
     * Invisible characters and spaces in front do not hide it: "\u200B=HYPERLINK(…)", a byte-order
     * mark, a bidi mark or a no-break space before the = still make it a formula, because whoever or
     * whatever strips them later (a cleaning step, an editor, a spreadsheet) leaves the formula.
     */
    static boolean looksLikeFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        String text = withoutLeadingBlanks(cell);
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '@' || cell.charAt(0) == '\t' || cell.charAt(0) == '\r') {
            return !(first == '+' && text.substring(1).matches("[0-9.]+"));
        }
        return first == '-' && !text.substring(1).matches("[0-9.]*");
    }

    /** Drops leading whitespace (no-break spaces too) and invisible format characters (zero-width, BOM, bidi marks). */
    private static String withoutLeadingBlanks(String cell) {
        int start = 0;
        while (start < cell.length()) {
            char c = cell.charAt(start);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
                start++;
            } else {
                break;
            }
        }
        return cell.substring(start);
    }

    /**
     * Text as stored: without invisible format characters (zero-width spaces and joiners, BOM, bidi
     * marks and embeddings, soft hyphens), which no Thai or English name needs and which only serve to
     * make two names that look the same differ, or to hide what a name starts with.
     */
    static String withoutFormatCharacters(String text) {
        if (text == null || text.chars().noneMatch(c -> Character.getType(c) == Character.FORMAT)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
        return visible.toString().strip();
    }
}
