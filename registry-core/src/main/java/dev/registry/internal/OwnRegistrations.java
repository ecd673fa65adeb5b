package dev.registry.internal;

import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * This process's registrations, by instance, and the ping subscription of each name they use: subscribed
 * with the first registration of a name, unsubscribed with its last (so an unregistered instance never
 * answers a ping again). Thread-safe; every method holds this object's monitor, as registering is rare.
 */
final class OwnRegistrations {

    private final Pubsub pubsub;
    private final Topics topics;
    private final Consumer<String> onPing;
    private final Map<String, DefaultRegistration> byInstance = new LinkedHashMap<>();
    private final Map<String, TopicSubscription> pings = new HashMap<>();

    OwnRegistrations(Pubsub pubsub, Topics topics, Consumer<String> onPing) {
        this.pubsub = pubsub;
        this.topics = topics;
        this.onPing = onPing;
    }

    /** Adds {@code registration}, retiring an earlier registration of the same instance without unregistering it. */
    synchronized void add(DefaultRegistration registration) {
        String name = registration.service().name();
        if (!pings.containsKey(name)) {
            pings.put(name, pubsub.subscribe(topics.ping(name), (topic, payload) -> onPing.accept(name)));
        }
        DefaultRegistration replaced = byInstance.put(keyOf(registration), registration);
        if (replaced != null) {
            replaced.retire();
        }
    }

    /** Removes {@code registration} if it is still the current one of its instance. */
    synchronized void remove(DefaultRegistration registration) {
        if (byInstance.remove(keyOf(registration), registration)) {
            String name = registration.service().name();
            if (ofName(name).isEmpty()) {
                TopicSubscription ping = pings.remove(name);
                if (ping != null) {
                    ping.unsubscribe();
                }
            }
        }
    }

    synchronized List<DefaultRegistration> all() {
        return new ArrayList<>(byInstance.values());
    }

    synchronized List<DefaultRegistration> ofName(String name) {
        List<DefaultRegistration> matching = new ArrayList<>();
        for (DefaultRegistration registration : byInstance.values()) {
            if (registration.service().name().equals(name)) {
                matching.add(registration);
            }
        }
        return matching;
    }

    synchronized void close() {
        pings.values().forEach(TopicSubscription::unsubscribe);
        pings.clear();
    }

    private static String keyOf(DefaultRegistration registration) {
        return registration.service().name() + ' ' + registration.service().address();
    }
}
