package th.ita.app.ingest;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to an upload: the batch, whether the same file had been loaded already, and the first row errors. */
@Serdeable
public record IngestResponse(BatchView batch, boolean alreadyLoaded, List<RowErrorView> firstErrors) {
}
