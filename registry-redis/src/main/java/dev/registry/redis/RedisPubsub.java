package dev.registry.redis;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.spi.TransportException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's transport over Redis pub/sub, on Lettuce: standalone, Sentinel or Cluster. Topics are
 * channel names byte for byte (PROTOCOL.md), so every process on one Redis (or one Redis Cluster) sees the
 * others' messages, and none of a NATS bus.
 *
 * <pre>{@code
 * RedisClient client = RedisClient.create("redis://10.0.0.7:6379");
 * try (Registry registry = Registry.connect(RedisPubsub.of(client))) { ... }   // client stays open
 * try (Registry registry = Registry.connect("redis://10.0.0.7:6379")) { ... }  // see RedisPubsubProvider
 * }</pre>
 *
 * <p>Each {@code RedisPubsub} opens two connections, as Redis requires: one that only publishes and one that
 * only subscribes. Exact topics are subscribed with SUBSCRIBE; the single-token wildcard {@code a.b.*} with a
 * PSUBSCRIBE pattern whose matches are filtered to exactly one more token, as on NATS. Subscriptions of one
 * topic share one server subscription. {@link #subscribe} returns once the server has acknowledged the
 * subscription, waiting at most the connection's command timeout (the {@code RedisURI} timeout, Lettuce's
 * default 60 s), capped at 10 s.
 *
 * <p>Lettuce reconnects and resubscribes by itself (its {@code autoReconnect} client option, on by default;
 * a caller's client with it off stays disconnected). This transport reports
 * {@link ConnectionState#DISCONNECTED} when either connection drops, and {@link ConnectionState#RECONNECTED}
 * once both are back and the server has confirmed every subscription again. Publishing while disconnected
 * does not fail: Lettuce buffers the messages and sends them on reconnect (its default disconnected behaviour).
 *
 * <h2>Threading</h2>
 * Thread-safe. {@link #publish} does not wait for Redis; failures are logged at debug. Lettuce receives on
 * its event loop; handlers and connection listeners run on one daemon thread per {@code RedisPubsub}, named
 * {@code registry-redis-<n>-handler}, in arrival order, so a slow handler never stalls Lettuce. The payload
 * array passed to {@link #publish} is encoded later on Lettuce's I/O thread: do not change it afterwards.
 *
 * <p>{@link #close()} first waits up to 2 s until Redis has received every message published before, so
 * the unregister messages of a closing registry are not lost when the JVM exits right after.
 *
 * <h2>Ownership</h2>
 * A {@code RedisPubsub} made by {@link #of(RedisClient)} or {@link #of(RedisClusterClient)} closes only its
 * own two connections; the caller's client stays open. One made from a URL by {@link RedisPubsubProvider}
 * owns its client and its Lettuce threads and shuts them down in {@link #close()}.
 */
public final class RedisPubsub implements Pubsub {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPubsub.class);
    /** Channel names as UTF-8 strings (topics), payloads as raw bytes. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration MAX_SUBSCRIBE_WAIT = Duration.ofSeconds(10);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String target;
    private final StatefulRedisPubSubConnection<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private final Runnable releaseOwned;
    private final ExecutorService handlerThread;
    private final Subscriptions subscriptions;
    private final ConnectionMonitor monitor;
    private final Duration subscribeTimeout;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisPubsub(String target, StatefulRedisPubSubConnection<String, byte[]> publisher,
            StatefulRedisPubSubConnection<String, byte[]> subscriber, Runnable releaseOwned) {
        this.target = target;
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.releaseOwned = releaseOwned;
        this.handlerThread = Executors.newSingleThreadExecutor(
                NamedThreads.daemon("registry-redis-" + IDS.incrementAndGet() + "-handler"));
        this.subscriptions = new Subscriptions(subscriber.async(), handlerThread);
        this.monitor = new ConnectionMonitor(this::report);
        Duration timeout = subscriber.getTimeout();
        this.subscribeTimeout = timeout.isZero() || timeout.compareTo(MAX_SUBSCRIBE_WAIT) > 0 ? MAX_SUBSCRIBE_WAIT : timeout;
        subscriber.addListener(subscriptions);
        subscriber.addListener(monitor.link("subscribe", subscriptions::resubscribeAll));
        publisher.addListener(monitor.link("publish", () -> CompletableFuture.completedFuture(null)));
    }

    /**
     * A transport on the caller's standalone or Sentinel client, which must have been created with a
     * {@code RedisURI}. {@link #close()} leaves {@code client} open.
     *
     * @throws TransportException if Redis cannot be reached or refuses the credentials
     */
    public static RedisPubsub of(RedisClient client) {
        Objects.requireNonNull(client, "client");
        return open("Redis (the caller's RedisClient)", () -> client.connectPubSub(CODEC), () -> { });
    }

    /**
     * A transport on the caller's cluster client: both connections go to cluster nodes Lettuce picks, and a
     * message published on any node reaches subscribers on every node. {@link #close()} leaves {@code client}
     * open.
     *
     * @throws TransportException if no node can be reached or the credentials are refused
     */
    public static RedisPubsub of(RedisClusterClient client) {
        Objects.requireNonNull(client, "client");
        return open("Redis Cluster (the caller's RedisClusterClient)", () -> client.connectPubSub(CODEC), () -> { });
    }

    /**
     * Opens both connections with {@code connector}. On failure closes what was opened, runs
     * {@code releaseOwned} and throws, naming {@code target} (which must not hold a password).
     */
    static RedisPubsub open(String target, Supplier<? extends StatefulRedisPubSubConnection<String, byte[]>> connector,
            Runnable releaseOwned) {
        StatefulRedisPubSubConnection<String, byte[]> subscriber = null;
        StatefulRedisPubSubConnection<String, byte[]> publisher = null;
        try {
            subscriber = connector.get();
            publisher = connector.get();
            return new RedisPubsub(target, publisher, subscriber, releaseOwned);
        } catch (RuntimeException failed) {
            closeQuietly(publisher);
            closeQuietly(subscriber);
            releaseOwned.run();
            throw new TransportException("cannot connect to " + target + ": " + describe(failed), failed);
        }
    }

    @Override
    public void publish(String topic, byte[] payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        ensureOpen();
        try {
            publisher.async().publish(topic, payload).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    LOG.debug("publish on {} to {} failed: {}", topic, target, failure.toString());
                }
            });
        } catch (RuntimeException failed) {
            throw new TransportException("cannot publish on '" + topic + "' to " + target + ": " + describe(failed), failed);
        }
    }

    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        return subscribeAll(List.of(topic), handler).get(0);
    }

    /** Every SUBSCRIBE or PSUBSCRIBE goes out at once, pipelined, and their acknowledgements are awaited together. */
    @Override
    public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        List<TopicFilter> filters = topics.stream().map(TopicFilter::of).toList();
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        List<TopicSubscription> handles = new ArrayList<>(filters.size());
        CompletableFuture<?>[] confirmations = new CompletableFuture<?>[filters.size()];
        for (int i = 0; i < confirmations.length; i++) {
            Subscriptions.Handle handle = subscriptions.add(filters.get(i), handler);
            handles.add(handle);
            confirmations[i] = handle.active();
        }
        try {
            CompletableFuture.allOf(confirmations).get(subscribeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return handles;
        } catch (ExecutionException failed) {
            handles.forEach(TopicSubscription::unsubscribe);
            throw new TransportException("subscribing to " + topics + " on " + target + " failed: "
                    + describe(failed.getCause()), failed.getCause());
        } catch (TimeoutException slow) {
            handles.forEach(TopicSubscription::unsubscribe);
            throw new TransportException("Redis at " + target + " did not confirm the subscription to " + topics
                    + " within " + subscribeTimeout.toMillis() + " ms; is it reachable?", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            handles.forEach(TopicSubscription::unsubscribe);
            throw new TransportException("interrupted while subscribing to " + topics + " on " + target, interrupted);
        }
    }

    /** A PING on the publishing connection; Lettuce queues it while reconnecting, so it times out then. */
    @Override
    public void roundTrip(Duration timeout) {
        ensureOpen();
        try {
            publisher.async().ping().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw new TransportException("Redis at " + target + " failed a PING: " + describe(failed.getCause()), failed.getCause());
        } catch (TimeoutException slow) {
            throw new TransportException("Redis at " + target + " did not answer a PING within " + timeout.toMillis() + " ms", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while pinging " + target, interrupted);
        }
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        flushPublished();
        monitor.close();
        closeQuietly(subscriber);
        closeQuietly(publisher);
        try {
            releaseOwned.run();
        } catch (RuntimeException failed) {
            LOG.debug("releasing the Redis client of {} failed: {}", target, failed.toString());
        }
        report(ConnectionState.CLOSED);
        handlerThread.shutdown();
    }

    @Override
    public String toString() {
        return "RedisPubsub[" + target + (closed.get() ? ", closed]" : "]");
    }

    /**
     * Waits, boundedly, until Redis has received what was published before close, so that a closing registry's
     * unregister messages are not lost with the socket. Redis answers one connection's commands in order, so
     * the answer to a PING sent now comes after every earlier PUBLISH was handled.
     */
    private void flushPublished() {
        try {
            publisher.async().ping().get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException notFlushed) {
            LOG.debug("messages published to {} may be lost on close: {}", target, notFlushed.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells the connection listeners on the handler thread, after the messages that arrived before. */
    private void report(ConnectionState state) {
        LOG.debug("{}: {}", target, state);
        try {
            handlerThread.execute(() -> listeners.forEach(listener -> {
                try {
                    listener.onConnectionState(state);
                } catch (RuntimeException failed) {
                    LOG.debug("connection listener threw on {}", state, failed);
                }
            }));
        } catch (RejectedExecutionException closedMeanwhile) {
            // nobody is listening any more
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new TransportException("Redis transport to " + target + " is closed");
        }
    }

    private static void closeQuietly(StatefulRedisPubSubConnection<String, byte[]> connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (RuntimeException failed) {
            LOG.debug("closing a Redis connection failed: {}", failed.toString());
        }
    }

    /** The message of {@code failure} and of its root cause, which is where Lettuce says what went wrong. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        return root == failure ? message : message + " (" + root + ")";
    }
}
