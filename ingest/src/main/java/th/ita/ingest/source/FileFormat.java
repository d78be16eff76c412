package th.ita.ingest.source;

import java.util.Locale;
import java.util.Optional;

/** The file formats the platform reads. */
public enum FileFormat {
    CSV,
    XLSX,
    JSON;

    public static Optional<FileFormat> fromFileName(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    public String lowerCaseName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
