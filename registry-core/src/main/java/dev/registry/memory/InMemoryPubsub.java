package dev.registry.memory;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.DaemonThreads;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection to a named bus inside this JVM: every {@code InMemoryPubsub} connected to the same name
 * sees the others' messages, as processes on one NATS server do. For single-JVM use, examples and fast
 * tests; {@code Registry.connect("mem://name")} creates one.
 *
 * <p>Delivery is asynchronous, as on a real broker: each connection has one daemon thread
 * ({@code registry-mem-<bus>-<n>}) that runs its handlers in publish order. Payloads are copied, so a
 * publisher may reuse its array. {@link #disconnect()} and {@link #reconnect()} simulate an outage of this
 * connection for tests of failure handling. Thread-safe.
 */
public final class InMemoryPubsub implements Pubsub {

    private static final AtomicInteger CONNECTION_IDS = new AtomicInteger();

    private final InMemoryBus bus;
    private final ExecutorService dispatcher;
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean connected = true;

    private InMemoryPubsub(InMemoryBus bus) {
        this.bus = bus;
        String threadName = "registry-mem-" + bus.name() + "-" + CONNECTION_IDS.incrementAndGet();
        this.dispatcher = Executors.newSingleThreadExecutor(DaemonThreads.named(threadName));
    }

    /** A new connection to the bus called {@code busName}, created on first use. */
    public static InMemoryPubsub connect(String busName) {
        Objects.requireNonNull(busName, "busName");
        return new InMemoryPubsub(InMemoryBus.named(busName));
    }

    /** The name of the bus this connection is on. */
    public String busName() {
        return bus.name();
    }

    @Override
    public void publish(String topic, byte[] payload) {
        ensureOpen();
        if (!connected) {
            throw new TransportException("in-memory connection to bus '" + bus.name() + "' is disconnected");
        }
        bus.publish(topic, payload.clone());
    }

    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        ensureOpen();
        Objects.requireNonNull(handler, "handler");
        return bus.subscribe(new InMemoryBus.Subscriber(topic, this, handler));
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Simulates the loss of this connection: nothing is delivered to or published from it until
     * {@link #reconnect()}. Connection listeners are told on the calling thread before this returns, so a
     * test can rely on the registry knowing.
     */
    public void disconnect() {
        ensureOpen();
        connected = false;
        connectionListeners.forEach(listener -> listener.onConnectionState(ConnectionState.DISCONNECTED));
    }

    /** Ends a simulated outage (subscriptions were kept, as a real transport resubscribes); listeners are told before this returns. */
    public void reconnect() {
        ensureOpen();
        connected = true;
        connectionListeners.forEach(listener -> listener.onConnectionState(ConnectionState.RECONNECTED));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            bus.removeAll(this);
            connectionListeners.forEach(listener -> listener.onConnectionState(ConnectionState.CLOSED));
            dispatcher.shutdown();
        }
    }

    /** Hands one message to this connection's dispatcher thread; drops it while disconnected or closed. */
    void deliver(MessageHandler handler, String topic, byte[] payload) {
        if (!connected || closed.get()) {
            return;
        }
        try {
            dispatcher.execute(() -> {
                if (connected) {
                    handler.onMessage(topic, payload);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed between the check and the hand-over: the message is dropped, as on a closed socket
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new TransportException("in-memory connection to bus '" + bus.name() + "' is closed");
        }
    }
}
