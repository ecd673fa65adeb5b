package dev.registry.internal;

import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's registrations, by instance, and the ping subscription of each name they use: wanted from
 * the first registration of a name until its last is gone (so an unregistered instance never answers a ping
 * again). The subscriptions themselves are made and undone on the registry's I/O thread, in the order they were
 * wanted, never under this object's monitor: registering returns at once even while the bus is down, and a
 * subscription that failed is made again when the bus is back ({@link #resubscribeFailed()}). Thread-safe.
 */
final class OwnRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(OwnRegistrations.class);

    private final Pubsub pubsub;
    private final Topics topics;
    private final Consumer<String> onPing;
    private final Executor io;
    private final Map<String, DefaultRegistration> byInstance = new LinkedHashMap<>();
    private final Map<String, PingSubscription> pings = new HashMap<>();
    /**
     * {@link #byInstance}'s registrations as an immutable list, made on the first {@link #all()} after a change:
     * the heartbeat tick asks twenty times per interval, and a process owning 10,000 registrations would otherwise
     * copy them all each time. Null after a change.
     */
    private List<DefaultRegistration> all;

    OwnRegistrations(Pubsub pubsub, Topics topics, Consumer<String> onPing, Executor io) {
        this.pubsub = pubsub;
        this.topics = topics;
        this.onPing = onPing;
        this.io = io;
    }

    /**
     * Adds {@code registration}, retiring an earlier registration of the same instance without unregistering it.
     *
     * @return completes once the name's ping subscription is active (it may already be)
     */
    CompletableFuture<?> add(DefaultRegistration registration) {
        String name = registration.service().name();
        PingSubscription ping;
        boolean wanted = false;
        DefaultRegistration replaced;
        synchronized (this) {
            ping = pings.get(name);
            if (ping == null) {
                ping = new PingSubscription(name);
                pings.put(name, ping);
                wanted = true;
            }
            replaced = byInstance.put(registration.service().id(), registration);
            ping.registrations.put(registration.service().id(), registration);
            all = null;
        }
        if (wanted) {
            onIo(ping::subscribe);
        }
        if (replaced != null) {
            replaced.replaced();
        }
        return ping.active;
    }

    /** Removes {@code registration} if it is still the current one of its instance. */
    void remove(DefaultRegistration registration) {
        PingSubscription unwanted = null;
        synchronized (this) {
            String id = registration.service().id();
            if (byInstance.remove(id, registration)) {
                all = null;
                String name = registration.service().name();
                PingSubscription ping = pings.get(name);
                // none once closed: close() undid every ping subscription, and an unregister may race it
                if (ping != null) {
                    ping.registrations.remove(id);
                    if (ping.registrations.isEmpty()) {
                        unwanted = pings.remove(name);
                    }
                }
            }
        }
        if (unwanted != null) {
            onIo(unwanted::unsubscribe);
        }
    }

    /** Every current registration, as an immutable list. */
    synchronized List<DefaultRegistration> all() {
        if (all == null) {
            all = List.copyOf(byInstance.values());
        }
        return all;
    }

    /**
     * The current registrations of {@code name}, in the order they were added: what answers a ping of it. Reads
     * the name's own registrations, so a ping costs the same however many other names this process registers.
     */
    synchronized List<DefaultRegistration> ofName(String name) {
        PingSubscription ping = pings.get(name);
        return ping == null ? List.of() : List.copyOf(ping.registrations.values());
    }

    /** Makes again the ping subscriptions whose request failed while the bus was down. */
    void resubscribeFailed() {
        List<PingSubscription> wanted;
        synchronized (this) {
            wanted = new ArrayList<>(pings.values());
        }
        wanted.forEach(ping -> onIo(ping::subscribeIfFailed));
    }

    /** Undoes every ping subscription; called while closing, after the I/O thread stopped. */
    void close() {
        List<PingSubscription> all;
        synchronized (this) {
            all = new ArrayList<>(pings.values());
            pings.clear();
        }
        all.forEach(PingSubscription::unsubscribe);
    }

    private void onIo(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException closing) {
            // the registry is closing: close() undoes what was made
        }
    }

    /**
     * The ping subscription of one name, and the name's registrations; the subscription's methods run on the I/O
     * thread, one at a time.
     */
    private final class PingSubscription {
        private final String name;
        /** The name's current registrations by instance id, under {@link OwnRegistrations}' monitor. */
        final Map<String, DefaultRegistration> registrations = new LinkedHashMap<>();
        /** Completes once the subscription was made for the first time. */
        final CompletableFuture<Void> active = new CompletableFuture<>();
        private TopicSubscription subscription;
        private boolean requested;
        private boolean failed;
        private boolean unwanted;

        PingSubscription(String name) {
            this.name = name;
        }

        void subscribe() {
            synchronized (this) {
                if (unwanted || subscription != null || requested) {
                    return;
                }
                requested = true;
            }
            CompletableFuture<List<TopicSubscription>> made;
            try {
                made = pubsub.subscribeAllAsync(List.of(topics.ping(name)), (topic, payload) -> onPing.accept(name));
            } catch (RuntimeException failed) {
                made = CompletableFuture.failedFuture(failed);
            }
            made.whenComplete(this::made);
        }

        synchronized void subscribeIfFailed() {
            if (failed) {
                failed = false;
                subscribe();
            }
        }

        synchronized void unsubscribe() {
            unwanted = true;
            if (subscription != null) {
                quietly(subscription);
                subscription = null;
            }
        }

        private synchronized void made(List<TopicSubscription> made, Throwable failure) {
            requested = false;
            if (failure != null) {
                LOG.debug("ping subscription of '{}' failed, made again when the bus is back: {}", name, failure.toString());
                failed = !unwanted;
            } else if (unwanted) {
                made.forEach(OwnRegistrations::quietly);
            } else {
                subscription = made.get(0);
                active.complete(null);
            }
        }
    }

    private static void quietly(TopicSubscription subscription) {
        try {
            subscription.unsubscribe();
        } catch (RuntimeException failed) {
            LOG.debug("unsubscribing failed: {}", failed.toString());
        }
    }
}
