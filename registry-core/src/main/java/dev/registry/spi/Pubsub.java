package dev.registry.spi;

import dev.registry.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The transport a {@code Registry} runs on: a publish/subscribe bus such as NATS, Redis or the in-memory bus.
 *
 * <p>A {@code Pubsub} is one connection to the bus and belongs to one registry, which closes it in its own
 * {@code close()}. Whether closing it also closes an underlying client depends on who created that client:
 * a transport built from a client the user passed in leaves that client open; one built from a URL owns its
 * client and closes it.
 *
 * <h2>Threading</h2>
 * All methods are thread-safe. {@link MessageHandler}s and {@link ConnectionListener}s are called on a
 * thread of the transport; they must return quickly and are never called concurrently for the same
 * subscription. Messages published by one {@code Pubsub} on one topic reach each subscriber in the order
 * they were published.
 *
 * <h2>Topics</h2>
 * Topics are dot-separated strings such as {@code registry.register.orders}. A subscription topic whose
 * last token is {@code *} matches every topic with any single token in that place
 * ({@code registry.register.*}); no other wildcard is used.
 */
public interface Pubsub extends AutoCloseable {

    /**
     * Publishes {@code payload} on {@code topic}. Returns without waiting for the bus to acknowledge, and never
     * waits for a round trip: while the connection is down the transport either buffers the message (bounded)
     * and sends it once reconnected, in publish order, or throws. The registry republishes its own state when
     * the bus is back, so a message dropped during an outage is repaired, not lost.
     *
     * @throws TransportException if the transport is closed or cannot accept the message
     */
    void publish(String topic, byte[] payload);

    /**
     * Subscribes {@code handler} to {@code topic}, which may end in the single-token wildcard {@code .*}.
     * The subscription is active on the bus when this method returns, so a message published afterwards
     * by any connection is delivered.
     *
     * @throws TransportException if the transport is closed or the subscription fails
     */
    TopicSubscription subscribe(String topic, MessageHandler handler);

    /**
     * Subscribes {@code handler} to every one of {@code topics}, as {@link #subscribe} does, but may wait for the
     * bus to confirm them together: one round trip instead of one per topic, which is what a registry's first
     * lookup of a name waits for. All are active when this returns; if one fails, those already made are
     * undone. The default subscribes one by one.
     *
     * @throws TransportException if the transport is closed or a subscription fails
     */
    default List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        List<TopicSubscription> subscribed = new ArrayList<>();
        try {
            for (String topic : topics) {
                subscribed.add(subscribe(topic, handler));
            }
            return subscribed;
        } catch (RuntimeException failed) {
            subscribed.forEach(TopicSubscription::unsubscribe);
            throw failed;
        }
    }

    /**
     * Subscribes as {@link #subscribeAll} does, without blocking the calling thread for the bus: the returned
     * future completes with the subscriptions once the bus has confirmed them all, or exceptionally with a
     * {@link TransportException} (after undoing those already made). A transport that resubscribes by itself
     * after a reconnect may keep the future pending while the connection is down and complete it once the
     * subscriptions are confirmed after the reconnect, instead of failing it. The registry calls this from a
     * thread of its own, never from a caller's or a transport's thread.
     *
     * <p>The default calls {@link #subscribeAll} on the calling thread and so blocks for its round trip:
     * transports whose subscriptions can wait on the network should override it.
     */
    default CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
        try {
            return CompletableFuture.completedFuture(subscribeAll(topics, handler));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /**
     * Whether a message published after {@link #subscribeAllAsync} has returned is sure to reach the broker
     * after those subscriptions: true for a transport that sends subscriptions and messages, in order, over one
     * connection (NATS), so that the answers to a message published at once are delivered even before the
     * broker has confirmed the subscriptions. The registry then pings a name it has just subscribed to without
     * waiting for the confirmation, which saves a cold lookup one round trip. False by default: right for a
     * transport that subscribes on a connection of its own (Redis), where nothing orders the two.
     */
    default boolean ordersPublishesAfterSubscriptions() {
        return false;
    }

    /**
     * Subscribes as {@link #subscribeAllAsync} does but, on a transport that
     * {@linkplain #ordersPublishesAfterSubscriptions() orders publishes after subscriptions}, without asking the
     * bus to confirm them: the future completes once the subscriptions are handed to the transport. That is enough
     * for the answers to a message this connection publishes next, not for messages other processes publish from
     * then on, which {@link #confirmSubscriptions()} waits for. The registry subscribes this way for a lookup,
     * which needs only the answers to its own ping, so that a cold lookup costs the bus no round trip beyond the
     * ping. Called from the registry's own thread, as {@link #subscribeAllAsync} is.
     *
     * <p>The default is {@link #subscribeAllAsync}, confirmed: right for every transport, and the only right one
     * for a transport whose subscriptions are not ordered with its publishes.
     */
    default CompletableFuture<List<TopicSubscription>> subscribeAllUnconfirmed(List<String> topics,
            MessageHandler handler) {
        return subscribeAllAsync(topics, handler);
    }

    /**
     * A future completed once the bus has processed every subscription this connection was handed before the
     * call, those of {@link #subscribeAllUnconfirmed} included, or failed with a {@link TransportException} when
     * {@link #subscribeAllAsync}'s future would fail. Never blocks. The default is completed: right wherever
     * {@link #subscribeAllUnconfirmed} confirms, as its default does.
     */
    default CompletableFuture<Void> confirmSubscriptions() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Waits until the bus has answered one round trip from this connection (a NATS PING/flush, a Redis PING).
     * The registry calls it periodically from its own thread to tell a live bus from a stalled one whose
     * connection still looks open (a paused or overloaded server): while round trips fail, nothing expires.
     * The default returns at once, right for a bus inside this JVM, which cannot stall.
     *
     * @throws TransportException if no answer came within {@code timeout}, or the connection is down
     */
    default void roundTrip(Duration timeout) {
    }

    /**
     * Registers a listener told when the connection to the bus is lost and re-established. Transports that
     * cannot lose their connection (in-memory) may never call it.
     */
    void addConnectionListener(ConnectionListener listener);

    /**
     * Releases this connection's subscriptions and whatever the transport created itself, after making a
     * bounded effort (a few seconds at most) to deliver messages already published, so that the unregister
     * messages of a closing registry reach the bus even when the JVM exits right after. Idempotent.
     */
    @Override
    void close();
}
