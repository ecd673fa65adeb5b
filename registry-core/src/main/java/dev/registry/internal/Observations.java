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
 * {@code observeAll}. Subscribing is the transport's round trip, so it never happens on a caller's thread or
 * under a lock: it is requested on the registry's I/O thread, and whoever needs the subscription to be active
 * (a lookup about to ping) waits on the returned future, within its own time bound. A request that failed (the
 * bus was down) is forgotten, so the next use of the name, or the bus coming back, requests it again.
 * Thread-safe.
 */
final class Observations {

    private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

    private final Pubsub pubsub;
    private final Topics topics;
    private final MessageHandler inbound;
    private final Executor io;
    private volatile CompletableFuture<List<TopicSubscription>> wildcard;
    /** Completes once {@link #wildcard}'s request has been handed to the transport; set before it. */
    private volatile CompletableFuture<Void> wildcardSent;
    private volatile boolean wantedAll;

    /** @param io the registry's I/O thread: runs every subscribe and unsubscribe, in order */
    Observations(Pubsub pubsub, Topics topics, MessageHandler inbound, Executor io) {
        this.pubsub = pubsub;
        this.topics = topics;
        this.inbound = inbound;
        this.io = io;
    }

    /**
     * Requests the subscriptions of {@code state}'s name unless requested already; completes when they are
     * active. While {@code observeAll} is active, its wildcard serves every name.
     */
    CompletableFuture<?> subscribe(NameState state) {
        CompletableFuture<List<TopicSubscription>> all = wildcard;
        if (all != null && !all.isCompletedExceptionally()) {
            return all;
        }
        CompletableFuture<List<TopicSubscription>> current = state.subscription;
        if (current != null) {
            return current;
        }
        synchronized (state) {
            if (state.subscription == null) {
                CompletableFuture<List<TopicSubscription>> requested = new CompletableFuture<>();
                CompletableFuture<Void> sent = new CompletableFuture<>();
                state.subscriptionSent = sent;
                state.subscription = requested;
                request(List.of(topics.register(state.name), topics.unregister(state.name)), requested, sent,
                        () -> state.subscription = null);
            }
            return state.subscription;
        }
    }

    /**
     * Requests the subscriptions of {@code state}'s name as {@link #subscribe} does; completes once a ping
     * published from then on is sure to have its answers delivered: when the subscriptions are active or, on a
     * transport that {@linkplain Pubsub#ordersPublishesAfterSubscriptions() orders publishes after
     * subscriptions}, as soon as they have been handed to it.
     */
    CompletableFuture<?> pingable(NameState state) {
        CompletableFuture<?> active = subscribe(state);
        if (!pubsub.ordersPublishesAfterSubscriptions()) {
            return active;
        }
        // Each "sent" future is written before its subscription future, so it belongs to the one just read or a newer one.
        CompletableFuture<Void> sent = active == wildcard ? wildcardSent : state.subscriptionSent;
        return sent != null ? sent : active;
    }

    /** Subscribes to every name's register and unregister topics unless done already. */
    synchronized CompletableFuture<?> observeAll() {
        wantedAll = true;
        if (wildcard == null) {
            CompletableFuture<List<TopicSubscription>> requested = new CompletableFuture<>();
            CompletableFuture<Void> sent = new CompletableFuture<>();
            wildcardSent = sent;
            wildcard = requested;
            request(List.of(topics.registerAll(), topics.unregisterAll()), requested, sent, () -> wildcard = null);
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

    /** @param sent completed once the transport has the request; failed with {@code requested} if it refused it */
    private void request(List<String> topicList, CompletableFuture<List<TopicSubscription>> requested,
            CompletableFuture<Void> sent, Runnable forget) {
        requested.whenComplete((subscriptions, failure) -> {
            if (failure != null) {
                sent.completeExceptionally(failure);
            }
        });
        Runnable subscribe = () -> {
            CompletableFuture<List<TopicSubscription>> made;
            try {
                made = pubsub.subscribeAllAsync(topicList, inbound);
                if (!made.isCompletedExceptionally()) {
                    sent.complete(null);
                }
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
