package th.ita.core.framework;

/**
 * The levels at which ITA reports scores: total ← tools ← indicators ← items. A group (the OIT's sub-indicator
 * headings) is the mean of some items of an indicator, published beside it; the indicator is still the mean of
 * its items, so groups sit to one side of the roll-up rather than in it.
 */
public enum MetricKind {
    TOTAL,
    TOOL,
    INDICATOR,
    ITEM,
    GROUP
}
