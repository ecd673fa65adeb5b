package dev.registry.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What the figures were measured on: CPU, cores, memory, OS, JVM, the brokers' and clients' versions, and
 * the load average (other work on the machine moves every latency figure). Read from {@code /proc}, system
 * properties and the build's versions; missing facts read "unknown". Immutable.
 *
 * @param facts label and value pairs, in report order
 */
public record Machine(List<List<String>> facts) {

    public Machine {
        facts = facts.stream().map(List::copyOf).toList();
    }

    /** This machine, with the brokers' version strings as the harness read them. */
    public static Machine describe(String natsServerVersion, String redisServerVersion) {
        Properties versions = clientVersions();
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("CPU", procField("/proc/cpuinfo", "model name")));
        facts.add(List.of("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors())));
        facts.add(List.of("memory", memory()));
        facts.add(List.of("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch")));
        facts.add(List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), default flags"));
        facts.add(List.of("NATS server", natsServerVersion));
        facts.add(List.of("Redis server", redisServerVersion));
        facts.add(List.of("clients", "jnats " + versions.getProperty("jnats") + ", Lettuce " + versions.getProperty("lettuce")));
        facts.add(List.of("tools", "JMH " + versions.getProperty("jmh") + ", XChart " + versions.getProperty("xchart")));
        return new Machine(facts);
    }

    /** The 1, 5 and 15 minute load averages now, as {@code /proc/loadavg} has them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** MemTotal of {@code /proc/meminfo} (kB) in GiB. */
    private static String memory() {
        String total = procField("/proc/meminfo", "MemTotal");
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(total.split(" ")[0]) / 1048576.0);
        } catch (NumberFormatException e) {
            return total;
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

    private static Properties clientVersions() {
        Properties versions = new Properties();
        try (InputStream in = Machine.class.getResourceAsStream("/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
