package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.Ingest;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats through NATS, end to end: a raw jnats connection publishes Go-shaped heartbeats of 1,000 instances
 * (10 names x 100) as fast as the receiver takes them, first to a raw jnats subscriber (the baseline), then to a
 * registry observing the 10 names, which decodes and applies each one. At most {@link #IN_FLIGHT} messages are
 * unreceived at any time, so the figure is the receiver's rate, not the broker's buffers. Not thread-safe.
 */
final class IngestRun {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);
    private static final int NAMES = 10;
    private static final int PER_NAME = 100;
    private static final int IN_FLIGHT = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String url;

    IngestRun(String url) {
        this.url = url;
    }

    /** Measures {@code messages} heartbeats into each receiver, after a tenth as many unmeasured. */
    Ingest run(int messages) {
        LOG.info("ingest through NATS: {} heartbeats into a raw subscriber, then into a registry", messages);
        String mainTopic = HarnessRegistries.newMainTopic();
        String[] topics = new String[NAMES * PER_NAME];
        byte[][] payloads = new byte[NAMES * PER_NAME][];
        for (int i = 0; i < payloads.length; i++) {
            String name = GoMessages.serviceName(i / PER_NAME);
            topics[i] = mainTopic + ".register." + name;
            payloads[i] = GoMessages.register(name, GoMessages.address(i));
        }
        Connection publisher = NatsConnections.open(url);
        try {
            double raw = raw(publisher, topics, payloads, messages);
            try (Registry registry = HarnessRegistries.connect(url, HarnessRegistries.options(mainTopic).build())) {
                for (int n = 0; n < NAMES; n++) {
                    registry.observe(GoMessages.serviceName(n), event -> { });
                }
                LongSupplier applied = () -> registry.stats().messagesIn();
                pump(publisher, topics, payloads, messages / 10, applied);
                double viaRegistry = pump(publisher, topics, payloads, messages, applied);
                return new Ingest(NAMES * PER_NAME, viaRegistry, raw);
            }
        } finally {
            NatsConnections.close(publisher);
        }
    }

    /** The raw baseline alone: messages per second one raw jnats subscriber receives from one raw publisher. */
    double raw(int messages) {
        Connection publisher = NatsConnections.open(url);
        try {
            return raw(publisher, new String[] {"raw.ingest"}, new byte[][] {GoMessages.register("raw", GoMessages.address(0))}, messages);
        } finally {
            NatsConnections.close(publisher);
        }
    }

    private double raw(Connection publisher, String[] topics, byte[][] payloads, int messages) {
        Connection subscriber = NatsConnections.open(url);
        try {
            AtomicLong received = new AtomicLong();
            subscriber.createDispatcher(message -> received.incrementAndGet()).subscribe(topics[0].substring(0, topics[0].lastIndexOf('.')) + ".*");
            subscriber.flush(TIMEOUT);
            pump(publisher, topics, payloads, messages / 10, received::get);
            return pump(publisher, topics, payloads, messages, received::get);
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("nats-server did not confirm the raw subscription", e);
        } finally {
            NatsConnections.close(subscriber);
        }
    }

    /** Publishes {@code count} messages, returns once {@code received} counted them all: messages per second. */
    private static double pump(Connection publisher, String[] topics, byte[][] payloads, int count, LongSupplier received) {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        long target = received.getAsLong() + count;
        long sent = target - count;
        for (int next = 0; sent < target; next = next + 1 == payloads.length ? 0 : next + 1) {
            // the receiver's count is read every 256 messages: a registry's stats() is not free
            while ((sent & 255) == 0 && sent - received.getAsLong() >= IN_FLIGHT) {
                // park rather than spin: on a small machine a spinning publisher takes the receiver's core
                LockSupport.parkNanos(50_000);
                checkDeadline(deadline);
            }
            publisher.publish(topics[next], payloads[next]);
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
            throw new IllegalStateException("ingest: messages were lost (nothing received for " + TIMEOUT + ")");
        }
    }
}
