package dev.registry.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Pubsub} that forwards every call to another: the base of a decorator (one that counts, traces, taps or
 * fails some calls), which overrides only what it changes. Forwarding every method, the defaults included, keeps a
 * decorator as capable as the transport it wraps: one that implemented {@link Pubsub} itself would silently fall
 * back to the defaults, and so, for instance, stop the registry from pinging before the broker confirms a
 * subscription on a transport that {@linkplain Pubsub#ordersPublishesAfterSubscriptions() allows it}. Threading,
 * blocking and failures are the delegate's.
 */
public abstract class ForwardingPubsub implements Pubsub {

    private final Pubsub delegate;

    /** @param delegate the transport every call goes to */
    protected ForwardingPubsub(Pubsub delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The transport every call goes to. */
    protected final Pubsub delegate() {
        return delegate;
    }

    @Override
    public void publish(String topic, byte[] payload) {
        delegate.publish(topic, payload);
    }

    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        return delegate.subscribe(topic, handler);
    }

    @Override
    public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        return delegate.subscribeAll(topics, handler);
    }

    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
        return delegate.subscribeAllAsync(topics, handler);
    }

    @Override
    public boolean ordersPublishesAfterSubscriptions() {
        return delegate.ordersPublishesAfterSubscriptions();
    }

    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllUnconfirmed(List<String> topics,
            MessageHandler handler) {
        return delegate.subscribeAllUnconfirmed(topics, handler);
    }

    @Override
    public CompletableFuture<Void> confirmSubscriptions() {
        return delegate.confirmSubscriptions();
    }

    @Override
    public void roundTrip(Duration timeout) {
        delegate.roundTrip(timeout);
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        delegate.addConnectionListener(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Names the delegate, so logs and exception messages still say which transport this is. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + delegate + "}";
    }
}
