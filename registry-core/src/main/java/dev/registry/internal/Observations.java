package dev.registry.internal;

import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The names this registry keeps cached, with their register and unregister subscriptions. A name, once
 * observed (by a lookup or a listener), stays observed until the registry closes, so its cache stays warm.
 * Thread-safe; checking an already observed name is one map read.
 */
final class Observations {

    private final Pubsub pubsub;
    private final Topics topics;
    private final Inbound inbound;
    private final ConcurrentMap<String, List<TopicSubscription>> byName = new ConcurrentHashMap<>();
    private final List<TopicSubscription> wildcard = new ArrayList<>();

    Observations(Pubsub pubsub, Topics topics, Inbound inbound) {
        this.pubsub = pubsub;
        this.topics = topics;
        this.inbound = inbound;
    }

    /** Whether {@code name} is observed one by one already. */
    boolean isObserved(String name) {
        return byName.containsKey(name);
    }

    /** Subscribes to {@code name}'s register and unregister topics unless already done. */
    void observe(String name) {
        if (!isObserved(name)) {
            byName.computeIfAbsent(name, this::subscribe);
        }
    }

    /** Subscribes to every name's register and unregister topics unless already done. */
    synchronized void observeAll() {
        if (wildcard.isEmpty()) {
            wildcard.addAll(pubsub.subscribeAll(List.of(topics.registerAll(), topics.unregisterAll()), inbound::onMessage));
        }
    }

    /** The names observed one by one (a live, unmodifiable view). */
    Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    synchronized void close() {
        byName.values().forEach(subscriptions -> subscriptions.forEach(TopicSubscription::unsubscribe));
        byName.clear();
        wildcard.forEach(TopicSubscription::unsubscribe);
        wildcard.clear();
    }

    private List<TopicSubscription> subscribe(String name) {
        return List.copyOf(pubsub.subscribeAll(List.of(topics.register(name), topics.unregister(name)), inbound::onMessage));
    }
}
