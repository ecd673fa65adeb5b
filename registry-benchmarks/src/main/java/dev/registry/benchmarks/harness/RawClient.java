package dev.registry.benchmarks.harness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A broker's raw client, the baseline of the registry's figures: a publishing connection and, on another, a
 * subscriber whose callback (jnats' dispatcher, Lettuce's event loop: a registry message's path) either counts the
 * messages (the raw ingest rate, a broker's capacity) or stamps each arrival with its topic first thing (the raw
 * one-way latency, and the arrival of a registry's message or answer, so the measuring thread's wake-up is never part
 * of it). Not thread-safe: one measuring thread.
 */
final class RawClient implements AutoCloseable {

    private final boolean stamps;
    private final AtomicLong received = new AtomicLong();
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    /** Topics whose arrivals are stamped on {@link #handOff}'s thread rather than in the callback. */
    private final Set<String> handedOff = ConcurrentHashMap.newKeySet();
    private final ExecutorService handOff = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "raw-hand-off");
        thread.setDaemon(true);
        return thread;
    });
    private BiConsumer<String, byte[]> publisher;
    private Consumer<String> subscriber;
    private Runnable closer;

    private RawClient(boolean stamps) {
        this.stamps = stamps;
    }

    /** jnats, subscribed to {@code subscriptions} (a trailing {@code .*} is a wildcard), each confirmed by a flush. */
    static RawClient nats(String url, boolean stamps, String... subscriptions) {
        RawClient client = new RawClient(stamps);
        Connection publisher = Bench.connect(url);
        Connection subscriber = Bench.connect(url);
        client.publisher = publisher::publish;
        client.closer = () -> Bench.close(publisher, subscriber);
        Dispatcher dispatcher = subscriber.createDispatcher(message -> client.arrived(message.getSubject()));
        client.subscriber = topic -> {
            dispatcher.subscribe(topic);
            try {
                subscriber.flush(Bench.TIMEOUT);
            } catch (TimeoutException | InterruptedException e) {
                client.close();
                throw new IllegalStateException("nats-server did not confirm the raw subscription to " + topic, e);
            }
        };
        for (String topic : subscriptions) {
            client.subscribe(topic);
        }
        return client;
    }

    /** Lettuce PUBLISH (async) to a SUBSCRIBE listener on another connection, subscribed to {@code subscriptions}. */
    static RawClient redis(String url, boolean stamps, String... subscriptions) {
        RawClient client = new RawClient(stamps);
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        RedisClient redis = RedisClient.create(RedisURI.create(url));
        StatefulRedisPubSubConnection<String, byte[]> subscriber = redis.connectPubSub(codec);
        StatefulRedisPubSubConnection<String, byte[]> publisher = redis.connectPubSub(codec);
        client.publisher = (subject, payload) -> publisher.async().publish(subject, payload);
        client.subscriber = topic -> subscriber.sync().subscribe(topic);
        client.closer = () -> redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                client.arrived(channel);
            }
        });
        for (String topic : subscriptions) {
            client.subscribe(topic);
        }
        return client;
    }

    /** Subscribes to one more topic, returning once the broker has confirmed it. */
    void subscribe(String topic) {
        subscriber.accept(topic);
    }

    /**
     * Subscribes to {@code topic} as {@link #subscribe} does, but its arrivals are handed from the callback to a
     * waiting thread of a JDK single-thread executor and stamped there: the raw client's one-way latency plus the
     * cheapest standard hand-off of a message to another thread, which a registry makes before any listener runs.
     */
    void subscribeHandedOff(String topic) {
        handedOff.add(topic);
        subscribe(topic);
    }

    /** Publishes {@code payload} on {@code subject} from the publishing connection (Redis: without awaiting the reply). */
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
        return arrival(subject) - sent;
    }

    /**
     * The {@link System#nanoTime()} at which the subscriber's callback had the next message (a stamping client), which
     * must be on {@code topic}: each measurement has one message in flight, so any other is a broken measurement.
     */
    long arrival(String topic) {
        try {
            Arrival arrival = arrivals.poll(Bench.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (arrival == null || !arrival.topic().equals(topic)) {
                throw new IllegalStateException("raw subscriber: expected a message on " + topic + " within " + Bench.TIMEOUT
                        + ", got " + (arrival == null ? "nothing" : "one on " + arrival.topic()));
            }
            return arrival.nanos();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a raw message", e);
        }
    }

    @Override
    public void close() {
        handOff.shutdownNow();
        closer.run();
    }

    private void arrived(String topic) {
        if (stamps && handedOff.contains(topic)) {
            handOff.execute(() -> arrivals.add(new Arrival(topic, System.nanoTime())));
        } else if (stamps) {
            arrivals.add(new Arrival(topic, System.nanoTime()));
        } else {
            received.incrementAndGet();
        }
    }

    /** One message a subscriber's callback had, on which topic, and when ({@link System#nanoTime()}). */
    record Arrival(String topic, long nanos) {
    }
}
