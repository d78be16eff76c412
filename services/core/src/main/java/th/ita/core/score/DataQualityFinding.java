package th.ita.core.score;

import static java.util.Objects.requireNonNull;

import th.ita.core.message.Message;

/**
 * A place where published figures disagree, kept instead of silently picking one: a reported score
 * that differs from the one derived from the level below, or a reported level that differs from the
 * level the year's rules give. {@code reported}/{@code derived} hold the two sides as text; for
 * {@code CARRIED_FORWARD} how many metrics were carried and the id of the batch they came from.
 * {@code message} is an English text for logs; readers read {@link #reason()} in their language.
 */
public record DataQualityFinding(long organizationId, int year, String metric, Kind kind, String reported, String derived, String message) {
    public enum Kind {
        /** A reported score differs from the mean (or weighted sum) of the reported scores below it by more than 0.01. */
        REPORTED_DIFFERS_FROM_DERIVED,
        /** A reported level differs from the level the year's rules give for the scores. */
        LEVEL_DIFFERS,
        /**
         * A batch did not carry some metrics of an org-year that the batch it replaces had (a row of total and
         * level alone after the detailed scores): they were carried forward from that batch, not erased.
         */
        CARRIED_FORWARD,
        /** A new organization was registered whose name is close to a known one of the same district or province. */
        SIMILAR_NAME
    }

    public DataQualityFinding {
        requireNonNull(metric, "metric is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(reported, "reported is null");
        requireNonNull(derived, "derived is null");
        requireNonNull(message, "message is null");
        if (kind == Kind.CARRIED_FORWARD) {
            // Findings stored before the catalog held this kind carry "62 metrics" and "batch 17": their words
            // would read twice in the catalog's text ("62 metrics scores"), and in English inside a Thai one.
            reported = withoutAffix(reported.strip(), "", " metrics");
            derived = withoutAffix(derived.strip(), "batch ", "");
        }
    }

    /** The finding in the catalog's words ({@code finding.<kind>}), to render in a reader's language. */
    public Message reason() {
        return Message.of("finding." + kind.name(), "metric", metric, "reported", reported, "derived", derived);
    }

    private static String withoutAffix(String text, String prefix, String suffix) {
        String stripped = text;
        if (!prefix.isEmpty() && stripped.startsWith(prefix)) {
            stripped = stripped.substring(prefix.length()).strip();
        }
        if (!suffix.isEmpty() && stripped.endsWith(suffix)) {
            stripped = stripped.substring(0, stripped.length() - suffix.length()).strip();
        }
        return stripped;
    }
}
