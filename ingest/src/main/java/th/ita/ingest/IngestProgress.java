package th.ita.ingest;

/** Told how far ingestion has come, every few thousand rows; the CLI draws a progress bar with it. */
@FunctionalInterface
public interface IngestProgress {
    IngestProgress NONE = (bytesRead, totalBytes, rowsRead) -> { };

    void update(long bytesRead, long totalBytes, long rowsRead);
}
