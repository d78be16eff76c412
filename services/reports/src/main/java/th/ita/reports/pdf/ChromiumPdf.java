package th.ita.reports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;

/**
 * Prints HTML to PDF with headless Chromium, the one renderer here that shapes Thai right (tone marks
 * and upper vowels in place) and keeps a real text layer; Java PDF libraries misplace them. Each print
 * is a child process with its own temporary profile (--user-data-dir) and a timeout after which it is
 * killed, so a hung browser cannot hold a request or leave a process behind.
 */
public final class ChromiumPdf {
    /** Where Debian, Ubuntu and Chrome put the browser; {@code ITA_CHROMIUM} names another. */
    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private final Path executable;
    private final Duration timeout;

    public ChromiumPdf(Path executable, Duration timeout) {
        this.executable = requireNonNull(executable, "executable is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The browser named by {@code configured} (when not blank) or the first installed candidate. */
    public static Optional<Path> find(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public byte[] print(String html) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("ita-pdf");
            Path page = directory.resolve("report.html");
            Path pdf = directory.resolve("report.pdf");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-dev-shm-usage", "--user-data-dir=" + directory.resolve("profile"), "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("chromium.log").toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ItaException(ErrorCode.STORAGE_UNAVAILABLE, "the PDF printer (Chromium) did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0 || !Files.exists(pdf) || Files.size(pdf) == 0) {
                throw new ItaException(ErrorCode.STORAGE_UNAVAILABLE, "the PDF printer (Chromium) failed with exit code " + process.exitValue()
                        + ": " + tail(directory.resolve("chromium.log")));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new ItaException(ErrorCode.STORAGE_UNAVAILABLE, "the PDF printer (Chromium at " + executable + ") cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItaException(ErrorCode.STORAGE_UNAVAILABLE, "interrupted while printing a PDF", e);
        } finally {
            delete(directory);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 500 ? text.substring(text.length() - 500) : text;
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
