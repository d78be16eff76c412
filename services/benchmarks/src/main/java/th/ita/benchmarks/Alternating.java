package th.ita.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the platform and its DuckDB peer on the same work, alternating (platform, peer, platform, …) so that a
 * change in the machine's load hits both alike, and reports min and median of each and the ratio of medians.
 * Wall time and the process's CPU time are taken per run: a figure may bound CPU against wall time.
 */
public final class Alternating {
    /** One timed unit of work; {@code prepare} runs untimed before each repetition (e.g. a fresh database). */
    public interface Work {
        default void prepare() throws Exception {
        }

        void run() throws Exception;

        /** After the timed run, untimed: waits for what the run left working in the background, so it is not charged to the other side. */
        default void settle() throws Exception {
        }
    }

    /** Wall and CPU nanoseconds of each repetition of one side. */
    public record Side(String name, long[] wallNanos, long[] cpuNanos) {
        public double minMillis() {
            return Arrays.stream(wallNanos).min().orElseThrow() / 1e6;
        }

        public double medianMillis() {
            return median(wallNanos) / 1e6;
        }

        public double medianCpuMillis() {
            return median(cpuNanos) / 1e6;
        }

        static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }
    }

    /** Both sides of one figure; {@code ratio} is the platform's median over the peer's. */
    public record Result(String figure, Side platform, Side peer) {
        public double ratio() {
            return platform.medianMillis() / peer.medianMillis();
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "| %s | %s | min %.1f ms, median %.1f ms (CPU %.1f ms) | %s | min %.1f ms, median %.1f ms (CPU %.1f ms) | %.2f× |%n",
                    figure, platform.name, platform.minMillis(), platform.medianMillis(), platform.medianCpuMillis(),
                    peer.name, peer.minMillis(), peer.medianMillis(), peer.medianCpuMillis(), ratio());
        }
    }

    private Alternating() {
    }

    public static Result measure(String figure, int warmups, int repetitions, String platformName, Work platform,
                                 String peerName, Work peer) throws Exception {
        for (int i = 0; i < warmups; i++) {
            once(platform);
            once(peer);
        }
        List<long[]> platformRuns = new ArrayList<>();
        List<long[]> peerRuns = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            platformRuns.add(once(platform));
            peerRuns.add(once(peer));
        }
        return new Result(figure, side(platformName, platformRuns), side(peerName, peerRuns));
    }

    /** The one-, five- and fifteen-minute load averages, to record beside the figures. */
    public static String machineLoad() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long[] once(Work work) throws Exception {
        work.prepare();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        work.settle();
        return new long[] {wall, cpu};
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static Side side(String name, List<long[]> runs) {
        return new Side(name, runs.stream().mapToLong(r -> r[0]).toArray(), runs.stream().mapToLong(r -> r[1]).toArray());
    }
}
