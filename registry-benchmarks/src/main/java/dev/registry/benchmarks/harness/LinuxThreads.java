package dev.registry.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's threads as Linux counts them ({@code /proc/self/task}): how often threads went to sleep and
 * were woken again (voluntary context switches), which the JVM does not report. Each wake-up of an idle
 * thread costs a trip through the kernel's scheduler whatever the thread then does. Stateless; reads
 * {@code /proc} each call, and counts 0 where {@code /proc} is missing (not Linux).
 */
final class LinuxThreads {

    /** Linux truncates thread names to 15 characters in {@code comm}. */
    private static final int COMM_LENGTH = 15;

    private LinuxThreads() {
    }

    /** Voluntary context switches so far of the live threads whose name starts with {@code namePrefix}. */
    static long voluntarySwitches(String namePrefix) {
        String prefix = namePrefix.length() > COMM_LENGTH ? namePrefix.substring(0, COMM_LENGTH) : namePrefix;
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long switches = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                switches += switchesOf(thread, prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switches;
    }

    private static long switchesOf(Path thread, String prefix) {
        try {
            if (!Files.readString(thread.resolve("comm")).startsWith(prefix)) {
                return 0;
            }
            for (String line : Files.readAllLines(thread.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return 0;
        } catch (IOException threadEnded) {
            return 0;
        }
    }
}
