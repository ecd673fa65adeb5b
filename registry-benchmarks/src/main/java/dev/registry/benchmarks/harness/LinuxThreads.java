package dev.registry.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This process's threads as Linux counts them ({@code /proc/self/task}), summed by kind: CPU time (user +
 * system) and how often the threads went to sleep and were woken again (voluntary context switches). The
 * JVM reports neither for its own compiler and GC threads, which is where a process's CPU goes while the
 * JIT compiler is still at work. Stateless; each call reads {@code /proc} anew, and finds nothing where it is
 * missing (not Linux).
 */
final class LinuxThreads {

    /** The kinds of thread, by the start of their name (Linux keeps the first 15 characters). */
    static final Map<String, String> KINDS = kinds();

    /** {@code /proc} counts CPU time in clock ticks of 10 ms (USER_HZ 100, as on every Linux). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private LinuxThreads() {
    }

    /** CPU time and wake-ups so far of the live threads, by kind ({@code library}, {@code JIT}, {@code GC}, {@code other}). */
    static Map<String, Times> byKind() {
        Map<String, Times> times = new LinkedHashMap<>();
        for (String kind : KINDS.values()) {
            times.put(kind, new Times(0, 0));
        }
        times.put("other", new Times(0, 0));
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return times;
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    times.merge(kindOf(name), read(thread), Times::plus);
                } catch (IOException threadEnded) {
                    // the thread ended between listing and reading: it has nothing more to count
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return times;
    }

    /** What a kind of thread used: CPU time in nanoseconds and voluntary context switches. */
    record Times(long cpuNanos, long wakeUps) {

        Times plus(Times other) {
            return new Times(cpuNanos + other.cpuNanos, wakeUps + other.wakeUps);
        }

        Times minus(Times earlier) {
            return new Times(cpuNanos - earlier.cpuNanos, wakeUps - earlier.wakeUps);
        }
    }

    private static Times read(Path thread) throws IOException {
        String stat = Files.readString(thread.resolve("stat"));
        // fields after the parenthesised name: state is field 3, utime and stime are fields 14 and 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long wakeUps = 0;
        for (String line : Files.readAllLines(thread.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                wakeUps = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new Times(ticks * NANOS_PER_TICK, wakeUps);
    }

    private static String kindOf(String name) {
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            if (name.startsWith(kind.getKey())) {
                return kind.getValue();
            }
        }
        return "other";
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("registry-", "library");
        kinds.put("C1 CompilerThre", "JIT");
        kinds.put("C2 CompilerThre", "JIT");
        kinds.put("GC Thread", "GC");
        kinds.put("G1 ", "GC");
        return kinds;
    }
}
