package th.ita.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import th.ita.ingest.IngestProgress;

/** A one-line progress bar on the terminal, redrawn in place. */
final class ProgressBar implements IngestProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long started = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rowsRead) {
        double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %,.1f/%,.1f MB %,d rows %,.0f rows/s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                fraction * 100, bytesRead / 1e6, totalBytes / 1e6, rowsRead, rowsRead / seconds);
        out.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            out.println();
        }
    }
}
