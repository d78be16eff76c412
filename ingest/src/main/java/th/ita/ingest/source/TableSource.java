package th.ita.ingest.source;

import java.io.Closeable;
import java.util.List;

/** A table read one row at a time, never whole: the same shape for CSV, XLSX and JSON. */
public interface TableSource extends Closeable {
    /** The header cells, as written in the file. */
    List<String> header();

    /** The next data row, or null at the end. Throws {@link MalformedFileException} when the file cannot be read on. */
    SourceRow next();

    /** Bytes of the file consumed so far, for progress. */
    long bytesRead();
}
