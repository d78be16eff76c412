package th.ita.core.batch;

/** LOADING: rows are being written and are invisible; PUBLISHED: visible, all at once; FAILED: discarded. */
public enum BatchStatus {
    LOADING,
    PUBLISHED,
    FAILED
}
