package th.ita.core.score;

/**
 * Behaviours of the store contract an adapter may lack; it says so in {@link StoreContract#hasBehavior}
 * and the tests that need one are skipped for it (a fact store that keeps organizations in another
 * adapter, say).
 */
public enum StoreBehavior {
    /** The adapter stores organizations and their aliases itself. */
    STORES_ORGANIZATIONS,
    /** Row errors of a batch are kept and paged in file order. */
    KEEPS_ROW_ERRORS,
    /** Values of replaced batches can be traced ({@link ScoreHistory}). */
    TRACES_HISTORY,
    /** Data-quality findings are stored with their batch. */
    RECORDS_FINDINGS
}
