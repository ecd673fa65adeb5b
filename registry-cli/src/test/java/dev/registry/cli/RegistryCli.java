package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.tck.Await;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged tool, {@code target/registry.jar}, as a user's shell does: a process with its own
 * environment (the test JVM's {@code REGISTRY_*} variables removed, the test's added), whose exit status,
 * stdout and stderr the tests check.
 */
final class RegistryCli {

    private static final Path JAR = Path.of(System.getProperty("registry.jar", "target/registry.jar"));

    private RegistryCli() {
    }

    /** What a finished command left. */
    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs a command to its end (at most 60 s). */
    static Result run(Map<String, String> environment, String... arguments) {
        try {
            File errors = File.createTempFile("registry-cli-", ".err");
            errors.deleteOnExit();
            Process process = builder(environment, arguments).redirectError(errors).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "registry " + String.join(" ", arguments) + " ended");
            return new Result(process.exitValue(), stdout, Files.readString(errors.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts a command that runs until stopped (watch, register, serve); its stdout is collected line by line. */
    static Running start(Map<String, String> environment, String... arguments) {
        try {
            return new Running(builder(environment, arguments).redirectErrorStream(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder builder(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** A command running in the background; {@link #close()} stops it with SIGTERM, as Ctrl-C or a supervisor would. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final List<String> stdout = new CopyOnWriteArrayList<>();
        private final List<String> stderr = new CopyOnWriteArrayList<>();

        private Running(Process process) {
            this.process = process;
            collect(process.getInputStream(), stdout, "stdout");
            collect(process.getErrorStream(), stderr, "stderr");
        }

        /** Waits for a stdout line matching {@code line}, and returns it. */
        String awaitLine(String what, Predicate<String> line) {
            return await(stdout, what, line);
        }

        /** Waits for a stderr line matching {@code line}, and returns it. */
        String awaitErrorLine(String what, Predicate<String> line) {
            return await(stderr, what, line);
        }

        List<String> stdout() {
            return List.copyOf(stdout);
        }

        List<String> stderr() {
            return List.copyOf(stderr);
        }

        /** Sends SIGTERM and waits for the process to end; returns its exit status. */
        int terminate() {
            try {
                new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
                assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process ends after SIGTERM");
                return process.exitValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        private String await(List<String> lines, String what, Predicate<String> line) {
            return Await.value(what + "; stdout so far: " + stdout + ", stderr: " + stderr,
                    () -> lines.stream().filter(line).findFirst().orElse(null));
        }

        private static void collect(InputStream stream, List<String> lines, String name) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the process was killed: what was read is what it printed
                }
            }, "registry-cli-" + name);
            reader.setDaemon(true);
            reader.start();
        }
    }
}
