package dev.registry.examples.spring;

import dev.registry.tck.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An example application in a JVM of its own, started with the test's class path, whose output lines are kept
 * with the moment each was read (and copied to {@code target/example-logs/<name>.log}), so that a test can wait
 * for a line and time what follows it. Closing it kills the process if it still runs.
 */
final class AppProcess implements AutoCloseable {

    /** A line of output and the {@link System#nanoTime()} at which it was read. */
    record Line(long at, String text) {
    }

    private final String name;
    private final Process process;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Path logFile;
    private final long launched = System.nanoTime();

    private AppProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code main} with {@code arguments}, this JVM's environment plus {@code environment}. */
    static AppProcess start(String name, Class<?> main, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the serial collector: these small processes start faster on few cores
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), main.getName(), "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Path logFile = Path.of("target", "example-logs", name + ".log");
            Files.createDirectories(logFile.getParent());
            AppProcess app = new AppProcess(name, builder.start(), logFile);
            Thread reader = new Thread(app::readOutput, "output-" + name);
            reader.setDaemon(true);
            reader.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** When the first line containing {@code text} was read; fails with the output's end after {@code timeout}. */
    long awaitLine(String text, Duration timeout) {
        return awaitLine(text, launched, timeout);
    }

    /** As {@link #awaitLine(String, Duration)}, for the first such line read at or after {@code since}. */
    long awaitLine(String text, long since, Duration timeout) {
        try {
            Await.until(name + " printing '" + text + "'", timeout, () -> find(text, since) != null || !process.isAlive());
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; its output ends with:\n" + tail(), notYet);
        }
        Line line = find(text, since);
        if (line == null) {
            throw new AssertionError(name + " exited " + process.exitValue() + " before printing '" + text
                    + "'; its output ends with:\n" + tail());
        }
        return line.at();
    }

    /** When this process was launched ({@link System#nanoTime()}). */
    long launched() {
        return launched;
    }

    /**
     * SIGTERM, as an orchestrator stops a process. Sent through the process handle: {@code Process.destroy()}
     * would also close the pipe, losing what the process prints while it shuts down.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs " + timeout.toMillis() + " ms after SIGTERM; output:\n" + tail());
        }
        return process.exitValue();
    }

    /** Stops the process if it still runs: SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                terminate();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Line find(String text, long since) {
        return lines.stream().filter(line -> line.at() - since >= 0 && line.text().contains(text)).findFirst().orElse(null);
    }

    private String tail() {
        List<Line> all = List.copyOf(lines);
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()).stream().map(Line::text).toList());
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String text = output.readLine(); text != null; text = output.readLine()) {
                lines.add(new Line(System.nanoTime(), text));
                log.write(text + System.lineSeparator());
                log.flush();
            }
        } catch (IOException ended) {
            // the process ended while its output was being read: nothing more to read
        }
    }
}
