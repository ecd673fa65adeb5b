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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A broker's raw client, the baseline of the registry's figures: a publishing connection and, on another, a
 * subscriber whose callback (jnats' dispatcher, Lettuce's event loop: a registry message's path) either counts the
 * messages (the raw ingest rate, a broker's capacity) or stamps each arrival first thing (the raw one-way latency, so
 * the measuring thread's wake-up is never part of it). Not thread-safe: one measuring thread.
 */
final class RawClient implements AutoCloseable {

    private final boolean stamps;
    private final AtomicLong received = new AtomicLong();
    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private BiConsumer<String, byte[]> publisher;
    private Runnable closer;

    private RawClient(boolean stamps) {
        this.stamps = stamps;
    }

    /** jnats, subscribed to {@code subscription} (a trailing {@code .*} is a wildcard), confirmed by a flush. */
    static RawClient nats(String url, String subscription, boolean stamps) {
        RawClient client = new RawClient(stamps);
        Connection publisher = Bench.connect(url);
        Connection subscriber = Bench.connect(url);
        client.publisher = publisher::publish;
        client.closer = () -> Bench.close(publisher, subscriber);
        subscriber.createDispatcher(message -> client.arrived()).subscribe(subscription);
        try {
            subscriber.flush(Bench.TIMEOUT);
        } catch (TimeoutException | InterruptedException e) {
            client.close();
            throw new IllegalStateException("nats-server did not confirm the raw subscription", e);
        }
        return client;
    }

    /** Lettuce PUBLISH (async) to a SUBSCRIBE listener on another connection. */
    static RawClient redis(String url, String subscription, boolean stamps) {
        RawClient client = new RawClient(stamps);
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        RedisClient redis = RedisClient.create(RedisURI.create(url));
        StatefulRedisPubSubConnection<String, byte[]> subscriber = redis.connectPubSub(codec);
        StatefulRedisPubSubConnection<String, byte[]> publisher = redis.connectPubSub(codec);
        client.publisher = (subject, payload) -> publisher.async().publish(subject, payload);
        client.closer = () -> redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                client.arrived();
            }
        });
        subscriber.sync().subscribe(subscription);
        return client;
    }

    void publish(String subject, byte[] payload) {
        publisher.accept(subject, payload);
    }

    /** Messages the subscriber received (a counting client). */
    long received() {
        return received.get();
    }

    /** Publishes {@code payload} and returns the nanoseconds until the subscriber's callback had it (a stamping client). */
    long oneWay(String subject, byte[] payload) {
        long sent = System.nanoTime();
        publisher.accept(subject, payload);
        try {
            Long stamp = arrivals.poll(Bench.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (stamp == null) {
                throw new IllegalStateException("raw message: nothing arrived within " + Bench.TIMEOUT);
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
        if (stamps) {
            arrivals.add(System.nanoTime());
        } else {
            received.incrementAndGet();
        }
    }
}
