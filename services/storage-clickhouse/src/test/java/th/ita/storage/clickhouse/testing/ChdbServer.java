package th.ita.storage.clickhouse.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real ClickHouse HTTP server (ClickHouse 26.7, from libchdb.so) run as a child process: python3
 * loads the library and calls {@code chdb_query_cmdline} with clickhouse-local's server arguments.
 * The library stays out of this JVM on purpose: loading it replaces the JVM's signal handlers.
 * The child's stdin is a pipe from this JVM; the server runs until it closes, so a test run that dies
 * leaves no server behind.
 */
public final class ChdbServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path directory;
    private final int port;

    private ChdbServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts a server on a free port of 127.0.0.1 with its data in a new temporary directory. */
    public static ChdbServer start(Path library) {
        requireNonNull(library, "library is null");
        String failure = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path directory = null;
            try {
                directory = Files.createTempDirectory("ita-clickhouse-");
                ChdbServer server = launch(library, directory, freePort());
                String problem = server.awaitReady();
                if (problem == null) {
                    return server;
                }
                server.close();
                failure = problem;
            } catch (IOException e) {
                failure = e.toString();
                if (directory != null) {
                    deleteQuietly(directory);
                }
            }
        }
        throw new IllegalStateException("ClickHouse (libchdb " + library + ") did not start after " + ATTEMPTS + " attempts: " + failure);
    }

    private static ChdbServer launch(Path library, Path directory, int port) throws IOException {
        Path script = directory.resolve("chdb_server.py");
        try (InputStream source = ChdbServer.class.getResourceAsStream("chdb_server.py")) {
            Files.copy(requireNonNull(source, "chdb_server.py is missing from the test classpath"), script);
        }
        Path data = Files.createDirectories(directory.resolve("data"));
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", script.toString(), library.toString(), data.toString(), Integer.toString(port)))
                .directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .redirectError(directory.resolve("stderr.log").toFile());
        // A pipe on stdin, kept open by this JVM: the server's last statement reads it until it closes.
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChdbServer(builder.start(), directory, port);
    }

    /** Null when the server answers {@code GET /ping}; otherwise why it does not. */
    private String awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // A start-up error (a port in use, say) ends the process, often with exit code 0.
                return "the server exited with " + process.exitValue() + ": " + tail("stderr.log");
            }
            if (pings()) {
                return null;
            }
            sleep(100);
        }
        return "no answer to GET /ping within " + START_TIMEOUT.toSeconds() + " s: " + tail("stderr.log");
    }

    private boolean pings() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(httpUrl() + "/ping").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1_000);
            try (InputStream body = connection.getInputStream()) {
                return connection.getResponseCode() == 200 && new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("Ok.");
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server: closes its stdin (it finishes its last statement and exits), then terminates it if needed. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The pipe is already closed; terminating below still stops the process.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
    }

    private String tail(String log) {
        try {
            String text = Files.readString(directory.resolve(log), StandardCharsets.UTF_8).strip();
            return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
