package th.ita.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;

/**
 * The outcome of one upload: the batch as stored, whether it was new or the same file had been
 * loaded before ({@code alreadyLoaded}: nothing changed), and the first row errors.
 */
public record IngestReport(IngestBatch batch, boolean alreadyLoaded, List<RowError> firstErrors) {
    public IngestReport {
        requireNonNull(batch, "batch is null");
        firstErrors = List.copyOf(firstErrors);
    }
}
