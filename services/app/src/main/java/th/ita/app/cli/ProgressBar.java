package th.ita.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;
import th.ita.ingest.IngestProgress;

/** A one-line progress bar on the terminal, redrawn in place. */
final class ProgressBar implements IngestProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final Language language;
    private final long started = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintStream out, String label, Language language) {
        this.out = out;
        this.label = label;
        this.language = language;
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rowsRead) {
        double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.print("\r" + Messages.standard().render("cli.progress", language, "label", label,
                "bar", "#".repeat(filled) + " ".repeat(WIDTH - filled), "percent", String.format(Locale.ROOT, "%3.0f", fraction * 100),
                "read", String.format(Locale.ROOT, "%,.1f", bytesRead / 1e6), "total", String.format(Locale.ROOT, "%,.1f", totalBytes / 1e6),
                "rows", String.format(Locale.ROOT, "%,d", rowsRead), "rate", String.format(Locale.ROOT, "%,.0f", rowsRead / seconds)));
        out.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            out.println();
        }
    }
}
