package th.ita.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizedJvmTest {
    private static final String[] ARGS = {"--verbose"};

    private static final long QUARTER_OF_24_GB = 6L << 30;

    private static Optional<List<String>> command(List<String> jvmArguments, Map<String, String> environment) {
        return SizedJvm.serverCommand(jvmArguments, environment, "/opt/jdk", "ita-app.jar", "th.ita.app.Application", ARGS, QUARTER_OF_24_GB, 4242);
    }

    @Test
    void startsABareJvmsServerInOneWithTheStartCommandsFlags() {
        assertThat(command(List.of("-Dita.data-directory=/srv/ita"), Map.of())).contains(List.of("/opt/jdk/bin/java",
                "-Dita.data-directory=/srv/ita", "-Xmx384m", "-XX:MaxMetaspaceSize=192m", "-Xss512k", "-XX:+UseSerialGC", "-Dita.jvm.sized=4242",
                "-cp", "ita-app.jar", "th.ita.app.Application", "--verbose"));
    }

    @Test
    void runsTheServerAsStartedWhenTheCallerChoseItsHeapOrDebugsOrSaysSo() {
        for (String chosen : List.of("-Xmx2g", "-XX:MaxHeapSize=1073741824", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=2g",
                // Sizes a second JVM with -Xmx384m would refuse to start with.
                "-Xms512m", "-XX:InitialHeapSize=1g", "-XX:MinHeapSize=512m",
                // What this JVM holds already: a debugger's or JMX's port, a recording's or a log's file.
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/opt/agent.jar", "-Dcom.sun.management.jmxremote.port=9010",
                "-XX:StartFlightRecording=filename=ita.jfr", "-Xlog:gc:file=gc.log", "-Dita.jvm.sized=true")) {
            assertThat(command(List.of("-Dfoo=bar", chosen), Map.of())).as(chosen).isEmpty();
        }
        assertThat(command(List.of(), Map.of("ITA_SIZE_JVM", "false"))).isEmpty();
        assertThat(command(List.of(), Map.of("ITA_SIZE_JVM", "true"))).isPresent();
        assertThat(SizedJvm.serverCommand(List.of(), Map.of(), "/opt/jdk", "ita-app.jar", "th.ita.app.Application", ARGS, 256L << 20, 4242))
                .as("a small container's default heap").isEmpty();
    }

    @Test
    void addsOnlyTheFlagsOfKindsTheCallerLeftOpen() {
        List<String> command = command(List.of("-XX:+UseG1GC", "-Xss1m", "-XX:+UseCompressedOops"), Map.of()).orElseThrow();

        assertThat(command).contains("-Xmx384m", "-XX:MaxMetaspaceSize=192m", "-XX:+UseG1GC", "-Xss1m")
                .doesNotContain("-XX:+UseSerialGC", "-Xss512k");
        assertThat(command(List.of("-XX:+UseCompressedOops"), Map.of()).orElseThrow()).as("not a collector").contains("-XX:+UseSerialGC");
    }
}
