package th.ita.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started as a bare {@code java -jar} (no heap flag) runs in a second JVM with the start command's flags,
 * announced on the console; stopping the launcher stops it, and killing the launcher outright stops it too.
 */
class SizedJvmIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path data;
    private Process launcher;
    /** The server's JVM, kept apart: once its launcher is killed it is no longer among the launcher's descendants. */
    private ProcessHandle server;

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aBareJvmRunsTheServerInASizedOneThatStopsWithIt() throws Exception {
        int port = start();
        serverOf(launcher);
        // Read from /proc: ProcessHandle.Info leaves out the arguments of a command line as long as a test's class path.
        List<String> arguments = List.of(Files.readString(Path.of("/proc", String.valueOf(server.pid()), "cmdline"), StandardCharsets.UTF_8).split("\0"));
        assertThat(arguments).contains("-Xmx384m", "-XX:MaxMetaspaceSize=192m", "-Xss512k", "-XX:+UseSerialGC", "-Dita.jvm.sized=" + launcher.pid(),
                "-Dmicronaut.server.port=" + port);
        assertThat(Files.readString(data.resolve("console.log"), StandardCharsets.UTF_8))
                .contains("the platform runs in a JVM sized for it (-Xmx384m -XX:MaxMetaspaceSize=192m -Xss512k -XX:+UseSerialGC)");

        launcher.destroy();

        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
        assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("and the server with it").isFalse();
    }

    @Test
    void aServerWhoseLauncherIsKilledStopsByItself() throws Exception {
        start();
        serverOf(launcher);

        launcher.destroyForcibly().waitFor();

        assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private int start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmicronaut.server.port=" + port, "-Dita.data-directory=" + data.resolve("store"),
                "-Dita.demo.load-on-start=false", "th.ita.app.Application"))
                .redirectErrorStream(true).redirectOutput(data.resolve("console.log").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("LANG", "en_US.UTF-8");
        launcher = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(launcher.isAlive()).as("the launcher runs: %s", Files.readString(data.resolve("console.log"))).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return port;
                }
            } catch (java.io.IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer within 180 s: " + Files.readString(data.resolve("console.log")));
    }

    private ProcessHandle serverOf(Process launcher) {
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("one server JVM").hasSize(1);
        server = children.get(0);
        return server;
    }
}
