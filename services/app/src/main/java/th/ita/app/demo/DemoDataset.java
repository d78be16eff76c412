package th.ita.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import th.ita.core.framework.Frameworks;
import th.ita.core.geography.Geography;
import th.ita.demo.GenerateNationalDataset;

/** The national demo dataset as a file: generated once, deterministic, reused by start-up and the benchmark. */
public final class DemoDataset {
    public static final int FIRST_YEAR = 2561;
    public static final int LAST_YEAR = 2568;

    private DemoDataset() {
    }

    /** The wide CSV of the national dataset under {@code directory}, generating it when absent. */
    public static Path file(Path directory, Geography geography, Frameworks frameworks) {
        Path file = directory.resolve("national-" + FIRST_YEAR + "-" + LAST_YEAR + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "national-", ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                new GenerateNationalDataset(geography, frameworks).writeWideCsv(out, FIRST_YEAR, LAST_YEAR);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo dataset under " + directory, e);
        }
    }
}
