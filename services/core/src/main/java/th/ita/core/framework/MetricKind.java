package th.ita.core.framework;

/** The levels at which ITA reports scores: total ← tools ← indicators ← items. */
public enum MetricKind {
    TOTAL,
    TOOL,
    INDICATOR,
    ITEM
}
