package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the figures were measured on and from: CPU, cores, memory, OS, JVM, broker and client versions, load
 * average (from {@code /proc}, system properties and the build's versions; "unknown" where missing), and the
 * commit of the working tree. Stateless.
 */
public final class MachineFacts {

    private MachineFacts() {
    }

    /** This machine, with the brokers' version strings and the load averages before and after the run. */
    public static Machine describe(String natsServer, String redisServer, String loadBefore, String loadAfter) {
        Properties versions = new Properties();
        try (InputStream in = MachineFacts.class.getResourceAsStream("/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double memoryGiB;
        try {
            memoryGiB = Long.parseLong(procField("/proc/meminfo", "MemTotal").split(" ")[0]) / 1048576.0;
        } catch (NumberFormatException e) {
            memoryGiB = 0;
        }
        return new Machine(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(), memoryGiB,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")", natsServer, redisServer,
                "jnats " + versions.getProperty("jnats") + ", Lettuce " + versions.getProperty("lettuce") + ", JMH "
                        + versions.getProperty("jmh") + ", XChart " + versions.getProperty("xchart"), loadBefore, loadAfter);
    }

    /** The 1, 5 and 15 minute load averages now. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** {@code git rev-parse HEAD} of the working directory's repository, or "unknown". */
    public static String commit() {
        return git(List.of("git", "rev-parse", "HEAD")).trim();
    }

    /** Whether {@code git status --porcelain} lists anything (build output is ignored by git). */
    public static boolean dirty() {
        return !git(List.of("git", "status", "--porcelain")).isBlank();
    }

    private static String git(List<String> command) {
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            // waited for before its output is read, so a hung git cannot hang the run (its few lines fit the pipe)
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                git.destroyForcibly();
                return "unknown";
            }
            return new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
