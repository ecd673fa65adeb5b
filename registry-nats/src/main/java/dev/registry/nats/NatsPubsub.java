package dev.registry.nats;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Pubsub} over a NATS connection (jnats): the transport of a registry on a NATS bus.
 *
 * <pre>{@code
 * Registry registry = Registry.connect(NatsPubsub.of(natsConnection));   // your connection, left open
 * Registry registry = Registry.connect(NatsPubsub.connect("nats://10.0.0.1:4222"));  // owned, closed with it
 * }</pre>
 *
 * <h2>Connections</h2>
 * {@link #of(Connection)} uses a connection the caller created and still owns: {@link #close()} removes
 * what this pubsub added to it (its dispatcher, its subscriptions, its connection listener) and leaves it
 * open. {@link #connect(String)} and {@link #connect(Options)} open a connection this pubsub owns and closes.
 * A connection opened from a URL reconnects forever, waiting 2 s (the NATS clients' default) between
 * attempts to the same server, is named {@code registry}, logs through SLF4J and runs on daemon threads
 * named {@code registry-nats-<id>-<role>-<n>} that end with it; its other settings are jnats' defaults,
 * among them a 2 s timeout per connection attempt and an 8 MiB buffer for messages published while
 * disconnected. A connection opened from {@link Options} has exactly those options, threads included.
 *
 * <h2>Security</h2>
 * A {@code tls://} URL verifies the server with the JVM's default trust store (the {@code javax.net.ssl.trustStore}
 * system properties, else the JDK's {@code cacerts}) and, unlike jnats on its own, checks that the certificate
 * names the host of the URL: a DNS name for a host name, an IP address entry for an address. Servers the
 * client learns from a cluster are dialled by the address they advertise, which their certificates must then
 * name too; list every server in the URL under the names its certificate carries to fail over between them
 * with certificates that name hosts only. A {@code nats://} URL to a server that wants TLS is refused ("SSL
 * required by server"). A token ({@code nats://token@host}) or user and password travel in the URL; NKeys,
 * credentials files ({@code .creds}), client certificates and trust stores of your own go in the
 * {@link Options} ({@code authHandler(Nats.credentials(path))}, {@code sslContext(...)}), whose {@code SSLContext}
 * is used as it is: jnats checks the certificate chain, not the host name. Closing a TLS connection takes
 * jnats about a second (it waits that long for its reader thread, which a TLS socket cannot wake).
 *
 * <h2>Subjects</h2>
 * Topics are NATS subjects as they are; the SPI's trailing {@code .*} wildcard is NATS's own single-token
 * wildcard. On the wire a subject is its UTF-8 bytes, as nats.go and nats-server have it, so a service named
 * {@code café} or {@code 服务} is the same subject for Java and Go registries; handlers get the subject decoded
 * from UTF-8 whether or not the connection's {@link Options#supportUTF8Subjects()} is on (jnats decodes it
 * only when it is, see {@link Utf8Subjects}).
 *
 * <h2>Threading</h2>
 * Thread-safe. {@link #publish} never blocks: jnats queues the message for its writer thread.
 * {@link #subscribe} waits for the server to confirm the subscription, at most the connection's connection
 * timeout; {@link #subscribeAllAsync} does not wait, and confirms on a daemon thread of its own. Every
 * message handler runs on the one jnats dispatcher thread of this pubsub, so handlers must return quickly.
 * Connection listeners run on jnats' callback thread, except the final
 * {@link dev.registry.spi.ConnectionState#CLOSED CLOSED} reported by {@link #close()}, which runs on the
 * closing thread.
 *
 * <h2>Connection states</h2>
 * {@code DISCONNECTED} once when the connection is lost (not again for every failed reconnect attempt),
 * {@code RECONNECTED} once jnats has reconnected and sent every subscription again, {@code CLOSED} when
 * the connection or this pubsub is closed.
 */
public final class NatsPubsub implements Pubsub {

    private static final Logger LOG = LoggerFactory.getLogger(NatsPubsub.class);

    /** Bound on the flush that lets the last published messages out in {@link #close()}. */
    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final Connection connection;
    private final boolean ownsConnection;
    private final Runnable afterOwnedClose;
    private final Dispatcher dispatcher;
    private final ConnectionStates states;
    private final ServerConfirmations confirmations;
    /** What turns the subject jnats reports into the topic the handlers get. */
    private final UnaryOperator<String> subjects;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param afterOwnedClose what else to release once an owned connection is closed; null for the caller's */
    private NatsPubsub(Connection connection, Runnable afterOwnedClose) {
        this.connection = connection;
        this.ownsConnection = afterOwnedClose != null;
        this.afterOwnedClose = afterOwnedClose;
        this.description = "NATS " + Connector.describe(connection.getOptions().getServers())
                + (ownsConnection ? "" : " (caller's connection)");
        this.states = new ConnectionStates(connection.getStatus() != Connection.Status.CONNECTED, description);
        this.confirmations = new ServerConfirmations(connection, states, description);
        this.states.add(confirmations);
        this.subjects = Utf8Subjects.decoderFor(connection.getOptions());
        this.dispatcher = connection.createDispatcher();
        connection.addConnectionListener(states);
    }

    /**
     * A pubsub on the caller's {@code connection}, which {@link #close()} leaves open.
     *
     * @throws TransportException if {@code connection} is already closed
     */
    public static NatsPubsub of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        try {
            return new NatsPubsub(connection, null);
        } catch (IllegalStateException closedOrDraining) {
            throw new TransportException("cannot use the NATS connection to "
                    + Connector.describe(connection.getOptions().getServers()) + ": " + closedOrDraining.getMessage(),
                    closedOrDraining);
        }
    }

    /**
     * A pubsub on a connection it opens to {@code url} and closes in {@link #close()}. {@code url} is a jnats
     * server URL ({@code nats://host:4222}, {@code tls://host:4222}, with {@code user:password@} or
     * {@code token@} before the host when the server wants them) or a comma-separated list of them, tried
     * in random order; give a cluster's seed servers, and jnats adds the servers the cluster tells it of and
     * fails over between them all. See the class documentation for the options this connection gets and for
     * what a {@code tls://} URL checks.
     *
     * @throws TransportException       if no server accepts the connection; jnats tries each server once and
     *                                  does not retry, so this happens within one connection timeout (2 s)
     *                                  per server. The message names the last error (refused, TLS, auth)
     *                                  and what to check. Also if the URL wants TLS and the JVM's default
     *                                  {@code SSLContext} is unusable.
     * @throws IllegalArgumentException if jnats cannot parse {@code url}
     */
    public static NatsPubsub connect(String url) {
        Objects.requireNonNull(url, "url");
        Options.Builder options = Connector.optionsFor(url);
        ConnectionThreads threads = new ConnectionThreads();
        return owning(Connector.connect(options, threads), threads::shutdown);
    }

    /**
     * A pubsub on a connection it opens with {@code options} as they are (servers, credentials, TLS,
     * reconnect policy) and closes in {@link #close()}.
     *
     * @throws TransportException if no server accepts the connection
     */
    public static NatsPubsub connect(Options options) {
        Objects.requireNonNull(options, "options");
        return owning(Connector.connect(options), () -> { });
    }

    private static NatsPubsub owning(Connection connection, Runnable afterClose) {
        try {
            return new NatsPubsub(connection, afterClose);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            afterClose.run();
            throw e;
        }
    }

    /** The NATS connection this pubsub runs on. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void publish(String topic, byte[] payload) {
        ensureOpen();
        try {
            // jnats writes the array later on its own thread: a copy keeps the caller free to reuse it
            connection.publish(topic, payload.clone());
        } catch (IllegalStateException e) {
            throw new TransportException(description + " cannot publish on " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the connection is up, waits (at most the connection timeout) until the server has the
     * subscription. During an outage it returns at once: jnats sends the subscription when it reconnects,
     * which this pubsub reports as {@code RECONNECTED}.
     *
     * @throws TransportException if this pubsub is closed, or the server did not confirm the subscription in
     *                            time while the connection was up
     */
    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        return subscribeAll(List.of(topic), handler).get(0);
    }

    /** Every subscription on the dispatcher, then one flush confirms them all. */
    @Override
    public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        return subscribeConfirmed(topics, delivering(handler));
    }

    /**
     * As {@link #subscribeAll}, but with jnats' own handler, which gets the whole message (its reply subject
     * too) on this pubsub's dispatcher thread: how {@link NatsMicro} answers requests on this connection
     * without a thread of its own. The subjects are not decoded (see {@link Utf8Subjects}).
     */
    List<TopicSubscription> subscribeRequests(List<String> subjects, io.nats.client.MessageHandler handler) {
        return subscribeConfirmed(subjects, Objects.requireNonNull(handler, "handler"));
    }

    private List<TopicSubscription> subscribeConfirmed(List<String> topics, io.nats.client.MessageHandler handler) {
        List<TopicSubscription> made = subscribeOnDispatcher(topics, handler);
        try {
            if (connection.getStatus() == Connection.Status.CONNECTED) {
                awaitServer(topics);
            }
            return made;
        } catch (RuntimeException failed) {
            made.forEach(TopicSubscription::unsubscribe);
            throw failed;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>True: jnats queues a subscription's {@code SUB} and every later {@code PUB} on the connection's one
     * outgoing queue (after a reconnect, the subscriptions go first), and the server handles them in order.
     */
    @Override
    public boolean ordersPublishesAfterSubscriptions() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns at once, having handed the subscriptions to jnats, which sends them to the server at once,
     * or when it reconnects. The future completes on a daemon thread of this pubsub once the server has them
     * (one PING round trip for all), and waits through any outage for jnats to reconnect and resubscribe
     * rather than failing. It fails, with the subscriptions undone, only if this pubsub or its connection is
     * closed first, or if the server, connected, did not answer within the connection timeout (a stalled
     * server, as {@link #subscribeAll} fails then). A caller that completes or cancels the future itself
     * (such as with {@code orTimeout}) undoes the subscriptions too. Code that depends on the future should
     * not block the thread that completes it for long.
     */
    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
        List<TopicSubscription> made;
        try {
            made = subscribeOnDispatcher(topics, delivering(handler));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
        CompletableFuture<Void> confirmed = confirmations.confirm();
        // completed by hand rather than by thenApply, which would wrap the TransportException in another
        CompletableFuture<List<TopicSubscription>> subscribed = new CompletableFuture<>();
        confirmed.whenComplete((done, failed) -> {
            if (failed == null) {
                subscribed.complete(made);
            } else {
                subscribed.completeExceptionally(failed);
            }
        });
        subscribed.whenComplete((result, failed) -> {
            if (failed != null) {
                confirmed.cancel(false); // the caller gave up: no need to confirm it any more
                made.forEach(TopicSubscription::unsubscribe);
            }
        });
        return subscribed;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns a completed future, having handed the subscriptions to jnats without a PING: no thread of this
     * pubsub and no round trip is involved. Failed only if this pubsub or its connection is closed.
     */
    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllUnconfirmed(List<String> topics,
            MessageHandler handler) {
        try {
            return CompletableFuture.completedFuture(subscribeOnDispatcher(topics, delivering(handler)));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One PING round trip, shared by the requests made meanwhile, on the same daemon thread and with the same
     * outage rules as {@link #subscribeAllAsync}'s confirmation: it waits through an outage for jnats to
     * reconnect and resubscribe, and fails only on close or a stalled server.
     */
    @Override
    public CompletableFuture<Void> confirmSubscriptions() {
        return confirmations.confirm();
    }

    /** The jnats handler that hands {@code handler} the decoded subject and the payload of each message. */
    private io.nats.client.MessageHandler delivering(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return message -> handler.onMessage(subjects.apply(message.getSubject()), message.getData());
    }

    /** Every topic subscribed on the dispatcher, none confirmed by the server yet; on failure none is left. */
    private List<TopicSubscription> subscribeOnDispatcher(List<String> topics, io.nats.client.MessageHandler handler) {
        ensureOpen();
        List<TopicSubscription> made = new ArrayList<>(topics.size());
        try {
            for (String topic : topics) {
                made.add(subscribeOnDispatcher(topic, handler));
            }
            return made;
        } catch (RuntimeException failed) {
            made.forEach(TopicSubscription::unsubscribe);
            throw failed;
        }
    }

    private TopicSubscription subscribeOnDispatcher(String topic, io.nats.client.MessageHandler handler) {
        try {
            return new DispatcherSubscription(dispatcher, dispatcher.subscribe(topic, handler));
        } catch (IllegalStateException e) {
            throw new TransportException(description + " cannot subscribe to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** A flush: the server's PONG proves it processed everything sent before, the probe included. */
    @Override
    public void roundTrip(Duration timeout) {
        ensureOpen();
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            throw new TransportException(description + " is " + connection.getStatus());
        }
        try {
            connection.flush(timeout);
        } catch (TimeoutException e) {
            throw new TransportException(description + " did not answer a PING within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while pinging " + description, e);
        }
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        states.add(listener);
    }

    /**
     * Waits (at most 2 s, and only while connected) until the server has every message published so far,
     * then ends this pubsub's subscriptions and reports {@code CLOSED}; a {@link #subscribeAllAsync} future
     * not yet completed fails. An owned connection is closed; the caller's connection stays open and only
     * loses this pubsub's dispatcher and listener. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.removeConnectionListener(states);
        confirmations.close();
        // the last messages (a closing registry's unregisters) must reach the server even if the JVM exits
        // next, and jnats' close() stops its writer without sending what is still queued
        flushQuietly();
        if (ownsConnection) {
            closeQuietly(connection);
            afterOwnedClose.run();
        } else {
            closeDispatcher();
        }
        states.closedByPubsub();
    }

    @Override
    public String toString() {
        return "NatsPubsub{" + description + (closed.get() ? ", closed" : "") + "}";
    }

    private void awaitServer(List<String> topics) {
        Duration timeout = connection.getOptions().getConnectionTimeout();
        try {
            connection.flush(timeout);
        } catch (TimeoutException e) {
            throw new TransportException(description + " did not confirm the subscription to " + topics + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while subscribing to " + topics + " on " + description, e);
        }
    }

    private void closeDispatcher() {
        try {
            connection.closeDispatcher(dispatcher);
        } catch (IllegalStateException | IllegalArgumentException alreadyClosed) {
            // the caller closed the connection first, which ended the dispatcher with it
            LOG.debug("{}: dispatcher already closed: {}", description, alreadyClosed.getMessage());
        }
    }

    private void flushQuietly() {
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        try {
            connection.flush(CLOSE_FLUSH_TIMEOUT);
        } catch (TimeoutException e) {
            LOG.debug("{}: flush before close timed out; recent messages may be lost", description);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new TransportException(description + " is closed");
        }
    }
}
