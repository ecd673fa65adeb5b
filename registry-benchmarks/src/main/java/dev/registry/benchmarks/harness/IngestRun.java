package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.Ingest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
        String mainTopic = HarnessRegistries.newMainTopic();
        Connection publisher = NatsConnections.open(url);
        try (Registry registry = Registry.connect(url, HarnessRegistries.options(mainTopic).build())) {
            for (int n = 0; n < NAMES; n++) {
                registry.observe(GoMessages.serviceName(n), event -> { });
            }
            return new Ingest(NAMES * PER_NAME, measure(heartbeats(publisher, mainTopic), messages,
                    () -> registry.stats().messagesIn()), raw);
        } finally {
            NatsConnections.close(publisher);
        }
    }

    /** Messages per second one raw jnats subscriber receives from one raw publisher through NATS at {@code url}. */
    static double natsRaw(String url, int messages) {
        String mainTopic = HarnessRegistries.newMainTopic();
        Connection publisher = NatsConnections.open(url);
        Connection subscriber = NatsConnections.open(url);
        try {
            AtomicLong received = new AtomicLong();
            subscriber.createDispatcher(message -> received.incrementAndGet()).subscribe(mainTopic + ".register.*");
            subscriber.flush(TIMEOUT);
            return measure(heartbeats(publisher, mainTopic), messages, received::get);
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("nats-server did not confirm the raw subscription", e);
        } finally {
            NatsConnections.close(publisher);
            NatsConnections.close(subscriber);
        }
    }

    /** Publishes heartbeat number {@code next} on {@code publisher}. */
    private static IntConsumer heartbeats(Connection publisher, String mainTopic) {
        String[] topics = new String[NAMES * PER_NAME];
        byte[][] payloads = new byte[NAMES * PER_NAME][];
        for (int i = 0; i < payloads.length; i++) {
            String name = GoMessages.serviceName(i / PER_NAME);
            topics[i] = mainTopic + ".register." + name;
            payloads[i] = GoMessages.register(name, GoMessages.address(i));
        }
        return next -> publisher.publish(topics[next], payloads[next]);
    }

    /** Messages per second one raw Lettuce subscriber receives from one raw publisher through Redis at {@code url}. */
    static double redisRaw(String url, int messages) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        RedisClient client = RedisClient.create(RedisURI.create(url));
        byte[] payload = GoMessages.register("raw", GoMessages.address(0));
        try (StatefulRedisPubSubConnection<String, byte[]> subscriber = client.connectPubSub(codec);
             StatefulRedisPubSubConnection<String, byte[]> publisher = client.connectPubSub(codec)) {
            AtomicLong received = new AtomicLong();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, byte[] message) {
                    received.incrementAndGet();
                }
            });
            subscriber.sync().subscribe("raw.ingest");
            return measure(next -> publisher.async().publish("raw.ingest", payload), messages, received::get);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
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
