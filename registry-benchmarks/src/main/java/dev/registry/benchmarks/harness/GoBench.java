package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Json;
import dev.registry.benchmarks.results.Results.GoFigures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Go original's benchmark binary (built outside this repository) against the run's nats-server, as
 * {@code PATH -nats URL}, and reads the one JSON object it prints on its standard output into {@link GoFigures}.
 * Its standard error goes to the harness's. Stateless.
 */
public final class GoBench {

    private static final Logger LOG = LoggerFactory.getLogger(GoBench.class);

    private GoBench() {
    }

    /** Runs {@code binary} against {@code natsUrl}, waiting at most {@code timeout}. */
    public static GoFigures run(String binary, String natsUrl, Duration timeout) {
        LOG.info("Go original: {} -nats {}", binary, natsUrl);
        Process process;
        try {
            process = new ProcessBuilder(binary, "-nats", natsUrl).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        InputStream stdout = process.getInputStream();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(binary + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(binary + " exited " + process.exitValue());
            }
            return parse(new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + binary, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + binary, e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The figures of the JSON object in {@code stdout}; text before its first brace (a log line) is skipped. */
    static GoFigures parse(String stdout) {
        int start = stdout.indexOf('{');
        if (start < 0) {
            throw new IllegalStateException("the Go benchmark printed no JSON object: " + stdout);
        }
        try {
            return Json.MAPPER.readValue(stdout.substring(start), GoFigures.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Go benchmark's JSON: " + stdout, e);
        }
    }
}
