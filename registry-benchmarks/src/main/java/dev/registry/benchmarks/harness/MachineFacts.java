package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the figures were measured on and from: CPU, cores, memory, OS, JVM, broker and client versions, load
 * average (from {@code /proc}, system properties and the build's versions; "unknown" where missing), and the
 * commit of the working tree. Stateless.
 */
final class MachineFacts {

    private MachineFacts() {
    }

    /** This machine, with the brokers' version strings and the load averages before and after the run. */
    static Machine describe(String natsServer, String redisServer, String loadBefore, String loadAfter) {
        Properties versions = new Properties();
        try (InputStream in = MachineFacts.class.getResourceAsStream("/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            // the clients' versions stay "null" in the report
        }
        String memory = procField("/proc/meminfo", "MemTotal").split(" ")[0];
        return new Machine(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                memory.matches("\\d+") ? Long.parseLong(memory) / 1048576.0 : 0,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")", natsServer, redisServer,
                "jnats " + versions.getProperty("jnats") + ", Lettuce " + versions.getProperty("lettuce") + ", JMH "
                        + versions.getProperty("jmh") + ", XChart " + versions.getProperty("xchart"), loadBefore, loadAfter);
    }

    /** The 1, 5 and 15 minute load averages now. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** {@code git rev-parse HEAD} of the working directory's repository, or "unknown". */
    static String commit() {
        return git("rev-parse", "HEAD").trim();
    }

    /** Whether {@code git status --porcelain} lists anything (build output is ignored by git). */
    static boolean dirty() {
        return !git("status", "--porcelain").isBlank();
    }

    private static String git(String... arguments) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(arguments));
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
        return read(file).lines().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ")).orElse("unknown");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
