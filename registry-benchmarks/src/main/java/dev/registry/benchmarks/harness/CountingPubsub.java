package dev.registry.benchmarks.harness;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport that hands everything to another and, once {@link #arm armed}, counts the distinct instances
 * whose register messages it delivers, completing a future with {@link System#nanoTime()} when the count is
 * reached: when an observer has heard from every instance again after a broker restart. Disarmed, a delivery
 * costs one volatile read more. Thread-safe.
 */
final class CountingPubsub implements Pubsub {

    private final Pubsub delegate;
    private volatile Count count;

    CountingPubsub(Pubsub delegate) {
        this.delegate = delegate;
    }

    /** Starts counting anew; the future completes once {@code instances} distinct instances were delivered. */
    CompletableFuture<Long> arm(int instances) {
        Count armed = new Count(instances, ConcurrentHashMap.newKeySet(), new CompletableFuture<>());
        count = armed;
        return armed.done();
    }

    @Override
    public void publish(String topic, byte[] payload) {
        delegate.publish(topic, payload);
    }

    @Override
    public TopicSubscription subscribe(String topic, MessageHandler handler) {
        return delegate.subscribe(topic, counting(handler));
    }

    @Override
    public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
        return delegate.subscribeAll(topics, counting(handler));
    }

    @Override
    public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
        return delegate.subscribeAllAsync(topics, counting(handler));
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

    private MessageHandler counting(MessageHandler handler) {
        return (topic, payload) -> {
            Count armed = count;
            if (armed != null && topic.contains(".register.")) {
                armed.seen().add(FailureDetectionRun.addressOf(payload));
                if (armed.seen().size() >= armed.instances() && armed.done().complete(System.nanoTime())) {
                    count = null;
                }
            }
            handler.onMessage(topic, payload);
        };
    }

    private record Count(int instances, Set<String> seen, CompletableFuture<Long> done) {
    }
}
