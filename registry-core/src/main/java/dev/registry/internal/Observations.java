package dev.registry.internal;

import dev.registry.RegistryClosedException;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register and unregister subscriptions of the names a registry observes, and of every name for
 * {@code observeAll}. Subscribing may wait for the bus, so it never happens on a caller's thread or under a lock:
 * it is requested on the registry's I/O thread, and whoever needs the subscription (a lookup about to ping, an
 * observer) waits on the returned future, within its own time bound. The exception is a name's subscriptions on a
 * transport that orders publishes after subscriptions: they are handed to it unconfirmed, which never waits for the
 * bus, on the thread that first needs them. A lookup waits only until its ping's answers are sure to be delivered
 * ({@link #pingable}), an observer until everyone's messages are ({@link #active}). A request that failed (the bus
 * was down) is forgotten, so the next use of the name, or the bus coming back, requests it again. Thread-safe.
 */
final class Observations {

    private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

    private final Pubsub pubsub;
    private final Topics topics;
    private final MessageHandler inbound;
    private final Executor io;
    /** Whether a name's subscriptions are requested unconfirmed: the transport orders publishes after them. */
    private final boolean unconfirmed;
    private volatile CompletableFuture<List<TopicSubscription>> wildcard;
    private volatile boolean wantedAll;

    /**
     * @param io the registry's I/O thread: runs every subscribe that may wait for the bus, and every unsubscribe, in
     *           order
     */
    Observations(Pubsub pubsub, Topics topics, MessageHandler inbound, Executor io) {
        this.pubsub = pubsub;
        this.topics = topics;
        this.inbound = inbound;
        this.io = io;
        this.unconfirmed = pubsub.ordersPublishesAfterSubscriptions();
    }

    /**
     * Requests the subscriptions of {@code state}'s name unless requested already; completes once a ping
     * published from then on is sure to have its answers delivered: when the subscriptions are active or, on a
     * transport that {@linkplain Pubsub#ordersPublishesAfterSubscriptions() orders publishes after
     * subscriptions}, as soon as they have been handed to it, unconfirmed (a lookup needs no more, and so costs
     * the bus no round trip but its ping). While {@code observeAll} is active, its wildcard serves every name.
     */
    CompletableFuture<?> pingable(NameState state) {
        CompletableFuture<?> all = servingWildcard();
        return all != null ? all : requested(state);
    }

    /**
     * {@link #pingable}, then completes once the subscriptions are active: messages other processes publish from
     * then on are delivered. On an ordering transport this asks it to confirm them, once per name (again after a
     * failed confirmation).
     */
    CompletableFuture<?> active(NameState state) {
        CompletableFuture<?> all = servingWildcard();
        if (all != null) {
            return all;
        }
        CompletableFuture<List<TopicSubscription>> subscribed = requested(state);
        if (!unconfirmed) {
            return subscribed;
        }
        CompletableFuture<Void> current = state.confirmation;
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        CompletableFuture<Void> confirmation;
        synchronized (state) {
            if (state.confirmation != null && !state.confirmation.isCompletedExceptionally()) {
                return state.confirmation;
            }
            confirmation = new CompletableFuture<>();
            state.confirmation = confirmation;
        }
        // asked once the subscriptions are with the transport, so that the confirmation covers them; not under the lock
        subscribed.whenComplete((subscriptions, failure) -> {
            if (failure != null) {
                confirmation.completeExceptionally(failure);
            } else {
                confirm(confirmation);
            }
        });
        return confirmation;
    }

    /** {@code observeAll}'s wildcard while it serves every name (requested and not failed), else null. */
    private CompletableFuture<?> servingWildcard() {
        CompletableFuture<List<TopicSubscription>> all = wildcard;
        return all != null && !all.isCompletedExceptionally() ? all : null;
    }

    /** The name's own subscriptions, requested unless requested already (whatever the wildcard does). */
    private CompletableFuture<List<TopicSubscription>> requested(NameState state) {
        CompletableFuture<List<TopicSubscription>> current = state.subscription;
        if (current != null) {
            return current;
        }
        CompletableFuture<List<TopicSubscription>> requested;
        synchronized (state) {
            if (state.subscription != null) {
                return state.subscription;
            }
            requested = new CompletableFuture<>();
            state.subscription = requested;
        }
        // outside the lock: an unconfirmed subscribe runs on this thread
        request(List.of(topics.register(state.name), topics.unregister(state.name)), unconfirmed, requested,
                () -> state.subscription = null);
        return requested;
    }

    private void confirm(CompletableFuture<Void> confirmation) {
        try {
            pubsub.confirmSubscriptions().whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.debug("confirming subscriptions failed, asked again on next use: {}", failure.toString());
                    confirmation.completeExceptionally(failure);
                } else {
                    confirmation.complete(null);
                }
            });
        } catch (RuntimeException failed) {
            confirmation.completeExceptionally(failed);
        }
    }

    /** Subscribes to every name's register and unregister topics unless done already. */
    synchronized CompletableFuture<?> observeAll() {
        wantedAll = true;
        if (wildcard == null) {
            CompletableFuture<List<TopicSubscription>> requested = new CompletableFuture<>();
            wildcard = requested;
            // confirmed: observeAll waits until every process's messages are delivered
            request(List.of(topics.registerAll(), topics.unregisterAll()), false, requested, () -> wildcard = null);
        }
        return wildcard;
    }

    /** Whether {@code observeAll} was called: every name's messages are wanted. */
    boolean observesAll() {
        return wantedAll;
    }

    /** Unsubscribes a retired name, now or once its pending request completes. */
    void release(NameState state) {
        CompletableFuture<List<TopicSubscription>> subscription = state.subscription;
        if (subscription != null) {
            subscription.thenAccept(subscriptions -> io.execute(() -> unsubscribe(subscriptions)));
        }
    }

    /** Re-requests {@code observeAll}'s wildcard after a failed request (the bus is back). */
    void retryWildcard() {
        if (wildcard == null && wantedAll) {
            observeAll();
        }
    }

    /** Unsubscribes everything (the registry is closing); runs on the caller's thread after the I/O thread stopped. */
    void close(Iterable<NameState> states) {
        for (NameState state : states) {
            CompletableFuture<List<TopicSubscription>> subscription = state.subscription;
            if (subscription != null && subscription.isDone() && !subscription.isCompletedExceptionally()) {
                unsubscribe(subscription.join());
            }
        }
        CompletableFuture<List<TopicSubscription>> all = wildcard;
        if (all != null && all.isDone() && !all.isCompletedExceptionally()) {
            unsubscribe(all.join());
        }
    }

    /**
     * Subscribes, completing {@code requested} with the subscriptions (or the failure, after {@code forget}): on the
     * I/O thread, or on the calling thread when {@code unconfirmed}, which is never asked under a lock.
     *
     * @param unconfirmed whether handing them to the transport is enough ({@link Pubsub#subscribeAllUnconfirmed}),
     *                    which never waits for the bus
     */
    private void request(List<String> topicList, boolean unconfirmed,
            CompletableFuture<List<TopicSubscription>> requested, Runnable forget) {
        Runnable subscribe = () -> {
            CompletableFuture<List<TopicSubscription>> made;
            try {
                made = unconfirmed ? pubsub.subscribeAllUnconfirmed(topicList, inbound)
                        : pubsub.subscribeAllAsync(topicList, inbound);
            } catch (RuntimeException failed) {
                made = CompletableFuture.failedFuture(failed);
            }
            made.whenComplete((subscriptions, failure) -> {
                if (failure != null) {
                    LOG.debug("subscribing to {} failed, retried on next use or when the bus is back: {}", topicList,
                            failure.toString());
                    forget.run();
                    requested.completeExceptionally(failure);
                } else {
                    requested.complete(subscriptions);
                }
            });
        };
        if (unconfirmed) {
            // it only hands the subscriptions to the transport, without waiting for the bus, so it runs here: a cold
            // lookup saves the hand-off to the I/O thread and back
            subscribe.run();
            return;
        }
        try {
            io.execute(subscribe);
        } catch (RejectedExecutionException closing) {
            requested.completeExceptionally(new RegistryClosedException("registry is closed"));
        }
    }

    private static void unsubscribe(List<TopicSubscription> subscriptions) {
        for (TopicSubscription subscription : subscriptions) {
            try {
                subscription.unsubscribe();
            } catch (RuntimeException failed) {
                LOG.debug("unsubscribing failed: {}", failed.toString());
            }
        }
    }
}
