package dev.registry.benchmarks.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts from its own class path to run {@link ChildProcess}, when a figure needs a process of its
 * own: one that can be SIGKILLed, or whose CPU time is the figure. The child takes commands on its standard input,
 * one per line, and ends when that closes; it reports on its standard output, one line per fact, which a daemon
 * thread queues so that a wait for a line has a deadline. Its standard error goes to the harness's. Not
 * thread-safe: one thread talks to a child.
 */
final class ChildJvm implements AutoCloseable {

    /** Small, fast-starting JVMs, for children that run a few registrations or an observer. */
    static final List<String> SMALL = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String END = "\u0000end";

    private final Process process;
    private final BufferedWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.input = process.outputWriter();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = process.inputReader()) {
                output.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ended) {
                // the child is gone: the end marker below tells the waiting thread
            }
            lines.add(END);
        }, "bench-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link ChildProcess} with {@code jvmOptions} and {@code arguments}. */
    static ChildJvm start(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildProcess.class.getName()));
        command.addAll(arguments);
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Sends one command line. */
    void send(String command) {
        try {
            input.write(command + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(this + " takes no more commands", e);
        }
    }

    /** The next line the child printed that starts with {@code prefix}, without it; earlier lines are skipped. */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException(this + " printed no '" + prefix + "' within " + timeout);
                }
                if (line.equals(END)) {
                    lines.add(END);
                    throw new IllegalStateException(this + " ended before printing '" + prefix + "'");
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this, e);
        }
    }

    /** The numbers of the next {@code result key=value ...} line, by key. */
    Map<String, Double> awaitResult(Duration timeout) {
        Map<String, Double> values = new HashMap<>();
        for (String pair : awaitLine("result", timeout).split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), Double.parseDouble(pair.substring(pair.indexOf('=') + 1)));
        }
        return values;
    }

    /** SIGKILL: the child stops at once, sending nothing more (no unregister, no goodbye to the broker). */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "child JVM " + process.pid();
    }
}
