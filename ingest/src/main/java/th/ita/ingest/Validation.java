package th.ita.ingest;

/** Small checks on cell text that more than one part of ingestion needs. */
final class Validation {
    private Validation() {
    }

    /**
     * A cell a spreadsheet would run as a formula: it starts with =, +, @ or a tab/CR, or with - followed
     * by something that is not a number. Such text is never stored, so it cannot reach an export.
     */
    static boolean looksLikeFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        String text = cell.stripLeading();
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '@' || cell.charAt(0) == '\t' || cell.charAt(0) == '\r') {
            return !(first == '+' && text.substring(1).matches("[0-9.]+"));
        }
        return first == '-' && !text.substring(1).matches("[0-9.]*");
    }
}
