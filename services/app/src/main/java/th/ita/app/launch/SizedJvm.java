package th.ita.app.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * The server in a JVM sized for it, when it was started without a heap limit (a bare {@code java -jar}): the JVM
 * would take a quarter of the machine's memory as its heap and grow into it under load (660–899 MB resident on a
 * 24 GB machine, against 452–509 MB with the start command's flags: BENCHMARKS.md). A running JVM cannot lower
 * its own limit, so this process starts the server in a second one with the start command's flags, as the
 * Elasticsearch launcher does, and stays only to pass on a stop: a stop of this process (SIGTERM, Ctrl-C) stops
 * the server gracefully, and the server stops by itself when this process is killed outright.
 *
 * <p>Nothing is added where the caller chose: any heap size ({@code -Xmx}, {@code -Xms}, {@code -XX:MaxRAMPercentage},
 * …), anything a second JVM would take again (an agent such as a debugger, JMX's port, a flight recording or a log
 * file), a default heap no larger than ours (a small container), a JVM inside another program ({@code mvn exec:java})
 * or {@code ITA_SIZE_JVM=false} runs the server in this JVM as started; each other flag is added only when the
 * caller gave none of its kind (a collector of their own choice stays).
 */
public final class SizedJvm {
    /** Set on the server's JVM, so that it does not start another and stops when its launcher is gone. */
    static final String SERVER_PROPERTY = "ita.jvm.sized";
    /** {@code false}: run the server in the JVM as started. */
    static final String SWITCH = "ITA_SIZE_JVM";
    /** Any heap size of the caller's (an initial or minimum size above ours would not even start). */
    private static final List<String> HEAP_SIZES = List.of("-Xmx", "-Xms", "-XX:MaxHeapSize", "-XX:InitialHeapSize", "-XX:MinHeapSize", "-XX:MaxRAM",
            "-XX:MaxRAMPercentage", "-XX:MaxRAMFraction", "-XX:InitialRAMPercentage", "-XX:MinRAMPercentage");
    /** The start command's flags (README, image, manifest), each with the prefixes that mean the caller chose it. */
    static final List<Flag> FLAGS = List.of(
            new Flag("-Xmx384m", HEAP_SIZES),
            new Flag("-XX:MaxMetaspaceSize=192m", List.of("-XX:MaxMetaspaceSize")),
            new Flag("-Xss512k", List.of("-Xss", "-XX:ThreadStackSize")),
            new Flag("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC",
                    "-XX:+UseEpsilonGC")));
    /** What this JVM has taken already and a second one would take again: an agent (a debugger's port), JMX's port, a recording or log file. */
    private static final List<String> TAKEN_ONCE = List.of("-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp", "-Xdebug", "-Dcom.sun.management.jmxremote",
            "-XX:StartFlightRecording", "-XX:FlightRecorderOptions", "-Xlog:", "-Xloggc");
    /** The heap this JVM would have without flags, at or below which there is nothing to gain (a small container). */
    private static final long SIZED_HEAP_BYTES = 384L << 20;
    private static final long STOP_SECONDS = 60;

    record Flag(String flag, List<String> chosenBy) {
        boolean chosenIn(List<String> arguments) {
            return arguments.stream().anyMatch(argument -> chosenBy.stream().anyMatch(argument::startsWith));
        }
    }

    private SizedJvm() {
    }

    /**
     * The command that starts the server in a sized JVM, or empty when this JVM should run it itself.
     *
     * @param jvmArguments this JVM's own arguments (with those of {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS})
     */
    static Optional<List<String>> serverCommand(List<String> jvmArguments, Map<String, String> environment, String javaHome, String classPath,
                                                String mainClass, String[] args, long defaultHeapBytes, long launcherPid) {
        if (System.getProperty(SERVER_PROPERTY) != null || "false".equalsIgnoreCase(environment.getOrDefault(SWITCH, "").strip())
                || defaultHeapBytes <= SIZED_HEAP_BYTES
                || jvmArguments.stream().anyMatch(argument -> argument.startsWith("-D" + SERVER_PROPERTY)
                        || HEAP_SIZES.stream().anyMatch(argument::startsWith) || TAKEN_ONCE.stream().anyMatch(argument::startsWith))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(jvmArguments);
        for (Flag flag : FLAGS) {
            if (!flag.chosenIn(jvmArguments)) {
                command.add(flag.flag());
            }
        }
        // The launcher's process id: the server watches that very process, even if it is gone before the server looks.
        command.add("-D" + SERVER_PROPERTY + "=" + launcherPid);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Starts the server in a sized JVM when it should be and waits for it; returns its exit status, or empty when
     * this JVM is to run the server itself.
     */
    public static Optional<Integer> runServer(Class<?> mainClass, String[] args, Language language, PrintStream out) {
        // Only a JVM started for the platform: inside another program's (mvn exec:java) the class path is not ours.
        if (mainClass.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            return Optional.empty();
        }
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<List<String>> command = serverCommand(jvmArguments, System.getenv(), System.getProperty("java.home"),
                System.getProperty("java.class.path"), mainClass.getName(), args, Runtime.getRuntime().maxMemory(), ProcessHandle.current().pid());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        List<String> added = FLAGS.stream().filter(flag -> !flag.chosenIn(jvmArguments)).map(Flag::flag).toList();
        out.println(Messages.standard().render("launch.sizedJvm", language, "flags", String.join(" ", added), "switch", SWITCH + "=false"));
        ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
        // Their flags are among this JVM's arguments, passed on above: read twice, an agent or a port would be taken twice.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        // Fewer malloc arenas: the image and the manifest set the same.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process server;
        try {
            server = builder.start();
        } catch (IOException e) {
            out.println(Messages.standard().render("launch.sizedJvmFailed", language, "reason", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "stop-server"));
        while (true) {
            try {
                return Optional.of(server.waitFor());
            } catch (InterruptedException e) {
                // Only a stop interrupts this thread, and the shutdown hook passes the stop on.
            }
        }
    }

    private static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** In the server's JVM: stops the server (gracefully) when the process that started it is gone, killed or not. */
    public static void stopWithLauncher() {
        String launcherPid = System.getProperty(SERVER_PROPERTY);
        if (launcherPid == null || !launcherPid.chars().allMatch(Character::isDigit) || launcherPid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(launcherPid))
                // The same process, not a later one with its number: a launcher starts before the server it starts.
                .filter(handle -> handle.info().startInstant().flatMap(started -> ProcessHandle.current().info().startInstant()
                        .map(server -> !started.isAfter(server))).orElse(true));
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            System.exit(0);
        }
        launcher.get().onExit().thenRun(() -> System.exit(0));
    }
}
