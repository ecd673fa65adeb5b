package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.Ingest;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats through a broker as fast as the receiver takes them: Go-shaped heartbeats of 1,000 instances (10
 * names x 100) from a raw publisher, at most {@link #IN_FLIGHT} unreceived at any time (so the figure is the
 * receiver's rate, not the broker's buffers), into a raw subscriber (the baseline, and a broker's capacity) or
 * into a registry observing the 10 names, which decodes and applies each one. A tenth as many messages go first,
 * unmeasured. Stateless.
 */
final class IngestRun {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);
    private static final int NAMES = 10;
    private static final int PER_NAME = 100;
    private static final int IN_FLIGHT = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private IngestRun() {
    }

    /** Into a raw jnats subscriber, then into a registry: both over NATS at {@code url}. */
    static Ingest nats(String url, int messages) {
        LOG.info("ingest through NATS: {} heartbeats into a raw subscriber, then into a registry", messages);
        double raw = natsRaw(url, messages);
        String mainTopic = Bench.newMainTopic();
        Connection publisher = Bench.connect(url);
        try (Registry registry = Registry.connect(url, Bench.options(mainTopic))) {
            for (int n = 0; n < NAMES; n++) {
                registry.observe(GoMessages.serviceName(n), event -> { });
            }
            return new Ingest(NAMES * PER_NAME, measure(heartbeats(publisher::publish, mainTopic), messages,
                    () -> registry.stats().messagesIn()), raw);
        } finally {
            Bench.close(publisher);
        }
    }

    /** Messages per second one raw jnats subscriber receives from one raw publisher through NATS at {@code url}. */
    static double natsRaw(String url, int messages) {
        String mainTopic = Bench.newMainTopic();
        try (RawClient raw = RawClient.nats(url, false, mainTopic + ".register.*")) {
            return measure(heartbeats(raw::publish, mainTopic), messages, raw::received);
        }
    }

    /** Messages per second one raw Lettuce subscriber receives from one raw publisher through Redis at {@code url}. */
    static double redisRaw(String url, int messages) {
        byte[] payload = GoMessages.register("raw", GoMessages.address(0));
        try (RawClient raw = RawClient.redis(url, false, "raw.ingest")) {
            return measure(next -> raw.publish("raw.ingest", payload), messages, raw::received);
        }
    }

    /** Publishes heartbeat number {@code next} with {@code publisher}. */
    private static IntConsumer heartbeats(BiConsumer<String, byte[]> publisher, String mainTopic) {
        String[] topics = new String[NAMES * PER_NAME];
        byte[][] payloads = new byte[NAMES * PER_NAME][];
        for (int i = 0; i < payloads.length; i++) {
            String name = GoMessages.serviceName(i / PER_NAME);
            topics[i] = mainTopic + ".register." + name;
            payloads[i] = GoMessages.register(name, GoMessages.address(i));
        }
        return next -> publisher.accept(topics[next], payloads[next]);
    }

    /** A tenth of {@code count} unmeasured, then {@code count} measured: messages per second. */
    private static double measure(IntConsumer publish, int count, LongSupplier received) {
        pump(publish, count / 10, received);
        return pump(publish, count, received);
    }

    /** Publishes {@code count} messages (cycling through 1,000), returns once {@code received} counted them all. */
    private static double pump(IntConsumer publish, int count, LongSupplier received) {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        long target = received.getAsLong() + count;
        long sent = target - count;
        for (int next = 0; sent < target; next = next + 1 == NAMES * PER_NAME ? 0 : next + 1) {
            // the receiver's count is read every 256 messages: a registry's stats() is not free
            while ((sent & 255) == 0 && sent - received.getAsLong() >= IN_FLIGHT) {
                // park rather than spin: on a small machine a spinning publisher takes the receiver's core
                LockSupport.parkNanos(50_000);
                checkDeadline(deadline);
            }
            publish.accept(next);
            sent++;
        }
        while (received.getAsLong() < target) {
            LockSupport.parkNanos(50_000);
            checkDeadline(deadline);
        }
        return count * 1e9 / (System.nanoTime() - start);
    }

    private static void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("ingest: messages were lost (not all received within " + TIMEOUT + ")");
        }
    }
}
