package dev.registry.benchmarks.harness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The broker's own one-way latency, measured with its raw client: publish on one connection, receive on another,
 * the receipt stamped first thing on the client's callback thread (so the measuring thread's wake-up is never
 * part of a latency). The baseline every propagation figure is a ratio to. Not thread-safe: one measuring thread.
 */
final class OneWayProbe implements AutoCloseable {

    /** A message that has not arrived in this long is lost: the run stops rather than measure nonsense. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SUBJECT = "raw.oneway";

    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private Consumer<byte[]> publisher;
    private Runnable closer;

    private OneWayProbe() {
    }

    /** jnats publish to a dispatcher subscription on another connection: a registry message's path on NATS. */
    static OneWayProbe nats(String url) {
        OneWayProbe probe = new OneWayProbe();
        Connection publisher = NatsConnections.open(url);
        Connection subscriber = NatsConnections.open(url);
        probe.publisher = payload -> publisher.publish(SUBJECT, payload);
        probe.closer = () -> {
            NatsConnections.close(publisher);
            NatsConnections.close(subscriber);
        };
        subscriber.createDispatcher(message -> probe.arrived()).subscribe(SUBJECT);
        try {
            subscriber.flush(TIMEOUT);
        } catch (TimeoutException | InterruptedException e) {
            probe.close();
            throw new IllegalStateException("nats-server did not confirm the raw subscription", e);
        }
        return probe;
    }

    /** Lettuce PUBLISH to a SUBSCRIBE listener (on Lettuce's event loop) on another connection: the path on Redis. */
    static OneWayProbe redis(String url) {
        OneWayProbe probe = new OneWayProbe();
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        RedisClient client = RedisClient.create(RedisURI.create(url));
        StatefulRedisPubSubConnection<String, byte[]> subscriber = client.connectPubSub(codec);
        StatefulRedisPubSubConnection<String, byte[]> publisher = client.connectPubSub(codec);
        probe.publisher = payload -> publisher.async().publish(SUBJECT, payload);
        probe.closer = () -> {
            publisher.close();
            subscriber.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        };
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                probe.arrived();
            }
        });
        subscriber.sync().subscribe(SUBJECT);
        return probe;
    }

    /** Publishes {@code payload} and returns the nanoseconds until the subscriber's callback had it. */
    long sample(byte[] payload) {
        long sent = System.nanoTime();
        publisher.accept(payload);
        try {
            Long stamp = arrivals.poll(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (stamp == null) {
                throw new IllegalStateException("raw message: nothing arrived within " + TIMEOUT);
            }
            return stamp - sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a raw message", e);
        }
    }

    @Override
    public void close() {
        closer.run();
    }

    private void arrived() {
        arrivals.add(System.nanoTime());
    }
}
