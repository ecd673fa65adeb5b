package dev.registry.nats;

import dev.registry.spi.TopicSubscription;
import io.nats.client.Dispatcher;
import io.nats.client.Subscription;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a {@link NatsPubsub} on its dispatcher. Unsubscribing needs no flush: jnats drops the
 * messages of an unsubscribed subscription on arrival, so those the server sent before it received the
 * {@code UNSUB} are not delivered either; only a message the dispatcher was already handing over may still
 * reach the handler. Thread-safe and idempotent.
 */
final class DispatcherSubscription implements TopicSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherSubscription.class);

    private final Dispatcher dispatcher;
    private final Subscription subscription;
    private final AtomicBoolean active = new AtomicBoolean(true);

    DispatcherSubscription(Dispatcher dispatcher, Subscription subscription) {
        this.dispatcher = dispatcher;
        this.subscription = subscription;
    }

    @Override
    public void unsubscribe() {
        if (active.compareAndSet(true, false)) {
            try {
                dispatcher.unsubscribe(subscription);
            } catch (IllegalStateException alreadyGone) {
                // the pubsub or the user's connection was closed first, which ended every subscription
                LOG.debug("{} already ended: {}", subscription.getSubject(), alreadyGone.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "NatsSubscription{" + subscription.getSubject() + (active.get() ? "" : ", unsubscribed") + "}";
    }
}
