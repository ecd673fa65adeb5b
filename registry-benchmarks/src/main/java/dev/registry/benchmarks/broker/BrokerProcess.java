package dev.registry.benchmarks.broker;

import dev.registry.Addresses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A broker (nats-server or redis-server) the harness starts itself on a free loopback port and stops when
 * done, so a benchmark never touches a broker something else uses. Its output goes to a temporary log file,
 * named in the error when it does not start. (The tests' {@code LocalServer} does the same but lives in
 * registry-core's test-jar, which a main-scope program should not depend on.)
 *
 * <p>Not thread-safe; one owner starts and closes it.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final String version;
    private final int port;
    private final Process process;

    private BrokerProcess(String name, String version, int port, Process process) {
        this.name = name;
        this.version = version;
        this.port = port;
        this.process = process;
    }

    /** A nats-server on 127.0.0.1. */
    public static BrokerProcess nats() {
        return start("nats-server", port -> List.of("-a", "127.0.0.1", "-p", String.valueOf(port)));
    }

    /** A redis-server on 127.0.0.1 without persistence. */
    public static BrokerProcess redis() {
        return start("redis-server", port -> List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
    }

    /** Starts {@code program} with the arguments for a free port and waits until the port accepts connections. */
    static BrokerProcess start(String program, IntFunction<List<String>> arguments) {
        String binary = findBinary(program);
        int port = Addresses.freePort();
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments.apply(port));
        Path log = tempLog(program);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not listen on 127.0.0.1:" + port + " within "
                        + START_TIMEOUT + "; see " + log);
            }
            sleep(Duration.ofMillis(20));
        }
        return new BrokerProcess(program, versionOf(binary), port, process);
    }

    /** The program, e.g. {@code nats-server}. */
    public String name() {
        return name;
    }

    /** What {@code <program> --version} printed, e.g. {@code nats-server: v2.9.10}. */
    public String version() {
        return version;
    }

    public int port() {
        return port;
    }

    /** {@code nats://127.0.0.1:<port>} or {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return (name.startsWith("redis") ? "redis" : "nats") + "://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String versionOf(String binary) {
        try {
            Process version = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            version.waitFor();
            return output.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Path tempLog(String program) {
        try {
            Path log = Files.createTempFile("bench-" + program + "-", ".log");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String findBinary(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"));
        for (String directory : directories) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not installed; scripts/bench installs it (scripts/ensure-tools)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a broker", e);
        }
    }
}
