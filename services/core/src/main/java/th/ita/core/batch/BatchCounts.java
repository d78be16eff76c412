package th.ita.core.batch;

/** The counts a batch is published with; see {@link IngestBatch} for what each means. */
public record BatchCounts(long rowsRead, long scoresAccepted, long scoresDerived, long rowsRejected, long findings, long orgYears) {
}
