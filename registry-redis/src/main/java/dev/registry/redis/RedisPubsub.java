package dev.registry.redis;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.DaemonThreads;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * channel names byte for byte (docs/PROTOCOL.md), so every process on one Redis (or one Redis Cluster) sees the
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
 * topic share one server subscription.
 *
 * <h2>Subscribing</h2>
 * {@link #subscribeAllAsync} never blocks: it sends every SUBSCRIBE or PSUBSCRIBE at once, pipelined, and
 * returns a future that completes with the subscriptions once Redis has confirmed them all. While the
 * subscribing connection is down (a broker killed or restarting) the future stays pending, however long the
 * outage, and completes once Lettuce has reconnected and Redis has confirmed the subscriptions; it fails only
 * for a real error: the transport closed, Redis refusing the command, or the connection lost on a caller's
 * client that does not reconnect. Cancelling the future releases its subscriptions, and a subscription released
 * before its confirmation leaves no server subscription behind after the reconnect. {@link #subscribe} and
 * {@link #subscribeAll} wait for the same confirmation, at most the connection's command timeout (the
 * {@code RedisURI} timeout, Lettuce's default 60 s) capped at 10 s, and undo the subscriptions if it does not
 * come.
 *
 * <h2>Reconnecting and publishing during an outage</h2>
 * Lettuce reconnects and resubscribes by itself (its {@code autoReconnect} client option, on by default;
 * a caller's client with it off stays disconnected). This transport reports
 * {@link ConnectionState#DISCONNECTED} when either connection drops, and {@link ConnectionState#RECONNECTED}
 * once both are back and the server has confirmed every subscription again, including those made during the
 * outage. {@link #publish} while disconnected buffers the message in Lettuce, which sends the buffer on
 * reconnect in publish order (Lettuce's default disconnected behaviour). The buffer is bounded by the client's
 * {@code requestQueueSize} ({@link RedisPubsubProvider#COMMAND_QUEUE_LIMIT} commands for a client made from a
 * URL; unbounded, Lettuce's default, on a caller's client unless it sets one), and a message still buffered
 * when the command timeout passes is dropped by Lettuce. When Lettuce refuses a message at once (the buffer is
 * full, or a caller's client rejects commands while disconnected), {@link #publish} throws a
 * {@link TransportException} instead of blocking; a message that fails later is logged at debug and dropped.
 * Neither loses state for good: the registry republishes its own state once the bus is back.
 * {@link #roundTrip} fails at once while a connection is known to be down.
 *
 * <h2>Threading</h2>
 * Thread-safe. {@link #publish} does not wait for Redis. Lettuce receives on its event loop; handlers,
 * connection listeners and the completion of {@link #subscribeAllAsync}'s futures run on one daemon thread per
 * {@code RedisPubsub}, named {@code registry-redis-<n>-handler}, in arrival order, so a slow handler never stalls
 * Lettuce, and a future completes before any message that Redis sent after confirming its subscriptions is
 * handled. The payload array passed to {@link #publish} is encoded later on Lettuce's I/O thread: do not change
 * it afterwards.
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
                DaemonThreads.named("registry-redis-" + IDS.incrementAndGet() + "-handler"));
        this.subscriptions = new Subscriptions(subscriber, handlerThread);
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

    /**
     * Publishes without waiting for Redis. While disconnected, Lettuce buffers the message and sends it on
     * reconnect, in publish order, unless it is still buffered when the command timeout passes.
     *
     * @throws TransportException if the transport is closed, or Lettuce refuses the message at once: its buffer
     *                            is full (see {@link RedisPubsubProvider#COMMAND_QUEUE_LIMIT}), or a caller's
     *                            client rejects commands while disconnected. A message that fails later is
     *                            logged at debug and dropped.
     */
    @Override
    public void publish(String topic, byte[] payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        ensureOpen();
        RedisFuture<Long> sent;
        try {
            sent = publisher.async().publish(topic, payload);
        } catch (RuntimeException failed) {
            throw new TransportException("cannot publish on '" + topic + "' to " + target + ": " + describe(failed), failed);
        }
        // Lettuce refuses a command on the calling thread (full buffer, rejecting while disconnected, closed
        // connection) by handing back a future that has already failed: the caller is told, per the SPI
        Throwable refused = sent.isDone() ? failureOf(sent) : null;
        if (refused != null) {
            throw new TransportException("cannot publish on '" + topic + "' to " + target + ": " + describe(refused), refused);
        }
        sent.whenComplete((receivers, failure) -> {
            if (failure != null) {
                LOG.debug("publish on {} to {} failed: {}", topic, target, failure.toString());
            }
        });
    }

    /**
     * Subscribes and waits for Redis to confirm, as {@link #subscribeAll} does.
     *
     * @throws TransportException if the transport is closed, or Redis refuses or does not confirm the
     *                            subscription within the wait
     */
    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        return subscribeAll(List.of(topic), handler).get(0);
    }

    /**
     * Sends every SUBSCRIBE or PSUBSCRIBE at once, pipelined, and waits for their confirmations together, at most
     * the connection's command timeout capped at 10 s; if they do not come, the subscriptions are undone. It
     * waits for the confirmation {@link #subscribeAllAsync} completes its future with, but not through the
     * handler thread, so that it also returns when called from a handler or while a handler is slow.
     *
     * @throws TransportException if the transport is closed, Redis refuses a subscription, or does not confirm
     *                            them all within the wait
     */
    @Override
    public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        Pending pending = startSubscribing(topics, handler);
        try {
            pending.confirmed().get(subscribeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return pending.handles();
        } catch (ExecutionException failed) {
            pending.release();
            throw subscribeFailure(topics, failed.getCause());
        } catch (TimeoutException slow) {
            pending.release();
            throw new TransportException("Redis at " + target + " did not confirm the subscription to " + topics
                    + " within " + subscribeTimeout.toMillis() + " ms; is it reachable?", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            pending.release();
            throw new TransportException("interrupted while subscribing to " + topics + " on " + target, interrupted);
        }
    }

    /**
     * Subscribes without blocking: every SUBSCRIBE or PSUBSCRIBE goes out at once (or into Lettuce's buffer while
     * disconnected), and the future completes with the subscriptions, on the handler thread, once Redis has
     * confirmed them all. While the connection is down it stays pending, and completes after the reconnect.
     * It fails, after undoing the subscriptions, only if the transport is closed, Redis refuses a subscription,
     * or the connection is lost on a client that does not reconnect; a topic that is not valid fails it too.
     * Cancelling it, or completing it otherwise, releases the subscriptions: those not yet confirmed leave no
     * server subscription behind.
     */
    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
        Pending pending;
        try {
            pending = startSubscribing(topics, handler);
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
        CompletableFuture<List<TopicSubscription>> result = new CompletableFuture<>();
        // a caller that gives up (cancel) must not leave the subscriptions it will never see
        result.whenComplete((handles, failure) -> {
            if (failure != null) {
                pending.release();
            }
        });
        // completed on the handler thread: a caller's continuation never runs on (and never stalls) Lettuce's
        // event loop, and runs before the handler sees any message Redis sent after the last confirmation
        pending.confirmed().whenComplete((ignored, failure) -> onHandlerThread(() -> {
            if (failure != null) {
                result.completeExceptionally(subscribeFailure(topics, failure));
            } else if (!result.complete(pending.handles())) {
                pending.release();
            }
        }));
        return result;
    }

    /**
     * A PING on the publishing connection, waiting at most {@code timeout}. Fails at once while either
     * connection is known to be down, rather than waiting for a PING that Lettuce would only queue.
     *
     * @throws TransportException if a connection is down, or no answer came within {@code timeout}
     */
    @Override
    public void roundTrip(Duration timeout) {
        ensureOpen();
        if (!publisher.isOpen() || !subscriber.isOpen()) {
            throw new TransportException("Redis at " + target + " is disconnected; Lettuce is reconnecting");
        }
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
        subscriptions.close();
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

    /** The handles of one subscribing call and the confirmation of all of them. */
    private record Pending(List<TopicSubscription> handles, CompletableFuture<Void> confirmed) {
        void release() {
            handles.forEach(TopicSubscription::unsubscribe);
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

    /**
     * Adds a handle per topic and sends the subscriptions. If adding fails half way, those added are released.
     *
     * @throws TransportException if the transport is closed
     */
    private Pending startSubscribing(List<String> topics, MessageHandler handler) {
        List<TopicFilter> filters = topics.stream().map(TopicFilter::of).toList();
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        List<Subscriptions.Handle> handles = new ArrayList<>(filters.size());
        try {
            for (TopicFilter filter : filters) {
                handles.add(subscriptions.add(filter, handler));
            }
        } catch (RuntimeException failed) {
            handles.forEach(TopicSubscription::unsubscribe);
            throw failed instanceof TransportException transport ? transport
                    : new TransportException("subscribing to " + topics + " on " + target + " failed: " + describe(failed), failed);
        }
        CompletableFuture<Void> confirmed = CompletableFuture.allOf(
                handles.stream().map(Subscriptions.Handle::active).toArray(CompletableFuture<?>[]::new));
        return new Pending(List.copyOf(handles), confirmed);
    }

    private TransportException subscribeFailure(List<String> topics, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return new TransportException("subscribing to " + topics + " on " + target + " failed: " + describe(cause), cause);
    }

    /** Runs {@code task} on the handler thread, or here once that has been shut down by {@link #close()}. */
    private void onHandlerThread(Runnable task) {
        try {
            handlerThread.execute(task);
        } catch (RejectedExecutionException closedMeanwhile) {
            task.run();
        }
    }

    /** The options of the publishing connection's client, for tests of the clients made from a URL. */
    ClientOptions publisherOptions() {
        return publisher.getOptions();
    }

    /** The failure of a command that is done, or null if it succeeded. */
    private static Throwable failureOf(RedisFuture<?> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (CancellationException cancelled) {
            return cancelled;
        } catch (InterruptedException interrupted) {
            // cannot block, as the future is done; keep the flag for the caller
            Thread.currentThread().interrupt();
            return null;
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
