package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.GoFigures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Go original's benchmark binary (built outside this repository) against the run's nats-server, as
 * {@code PATH -nats URL [-quick]}, and reads the one JSON object it prints on its standard output into
 * {@link GoFigures}; fields it prints that {@code GoFigures} does not name are ignored. Its standard error goes to
 * the harness's. Stateless.
 */
final class GoBench {

    private static final Logger LOG = LoggerFactory.getLogger(GoBench.class);

    private GoBench() {
    }

    /** Runs {@code binary} against {@code natsUrl} ({@code -quick} when {@code quick}), waiting at most {@code timeout}. */
    static GoFigures run(String binary, String natsUrl, boolean quick, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(binary, "-nats", natsUrl));
        if (quick) {
            command.add("-quick");
        }
        LOG.info("Go original: {}", String.join(" ", command));
        Process process = null;
        File stdout = null;
        try {
            stdout = File.createTempFile("go-bench", ".json");
            process = new ProcessBuilder(command).redirectOutput(stdout).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(binary + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(binary + " exited " + process.exitValue());
            }
            return parse(Files.readString(stdout.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + binary, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (stdout != null) {
                stdout.delete();
            }
        }
    }

    /** The figures of the JSON object in {@code stdout}; text before its first brace (a log line) is skipped. */
    static GoFigures parse(String stdout) {
        int start = stdout.indexOf('{');
        if (start < 0) {
            throw new IllegalStateException("the Go benchmark printed no JSON object: " + stdout);
        }
        try {
            return Results.MAPPER.readValue(stdout.substring(start), GoFigures.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Go benchmark's JSON: " + stdout, e);
        }
    }
}
