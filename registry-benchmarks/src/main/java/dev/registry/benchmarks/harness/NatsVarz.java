package dev.registry.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.benchmarks.results.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The message counters of a nats-server, read from its monitoring endpoint ({@code -m PORT}, {@code /varz}). Thread-safe. */
final class NatsVarz {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI varz;

    NatsVarz(int monitorPort) {
        this.varz = URI.create("http://127.0.0.1:" + monitorPort + "/varz");
    }

    /** Messages into and out of the server since it started, and when they were read. */
    Counters read() {
        try {
            String body = client.send(HttpRequest.newBuilder(varz).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode node = Json.MAPPER.readTree(body);
            return new Counters(node.path("in_msgs").asLong(), node.path("out_msgs").asLong(), System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + varz, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + varz, e);
        }
    }

    /** {@code in_msgs} and {@code out_msgs} at {@code nanos}. */
    record Counters(long in, long out, long nanos) {

        double inPerSecond(Counters earlier) {
            return (in - earlier.in) * 1e9 / (nanos - earlier.nanos);
        }

        double outPerSecond(Counters earlier) {
            return (out - earlier.out) * 1e9 / (nanos - earlier.nanos);
        }
    }
}
