package dev.registry.memory;

import dev.registry.spi.MessageHandler;
import dev.registry.spi.TopicSubscription;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shared part of one named in-memory bus: its subscribers. Buses live while they have connections' subscriptions and
 * are found by name. Thread-safe: subscribers are a copy-on-write list, as subscribing is rare and
 * publishing frequent.
 */
final class InMemoryBus {

    private static final ConcurrentMap<String, InMemoryBus> BUSES = new ConcurrentHashMap<>();

    private final String name;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private InMemoryBus(String name) {
        this.name = name;
    }

    static InMemoryBus named(String name) {
        return BUSES.computeIfAbsent(name, InMemoryBus::new);
    }

    String name() {
        return name;
    }

    void publish(String topic, byte[] payload) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.matches(topic)) {
                subscriber.connection.deliver(subscriber.handler, topic, payload);
            }
        }
    }

    TopicSubscription subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void removeAll(InMemoryPubsub connection) {
        subscribers.removeIf(subscriber -> subscriber.connection == connection);
    }

    /** One subscription: an exact topic, or a prefix when the topic ends with the single-token wildcard. */
    static final class Subscriber {
        private final String exactTopic;
        private final String wildcardPrefix;
        final InMemoryPubsub connection;
        final MessageHandler handler;

        Subscriber(String topic, InMemoryPubsub connection, MessageHandler handler) {
            boolean wildcard = topic.endsWith(".*");
            this.exactTopic = wildcard ? null : topic;
            this.wildcardPrefix = wildcard ? topic.substring(0, topic.length() - 1) : null;
            this.connection = connection;
            this.handler = handler;
        }

        boolean matches(String topic) {
            if (exactTopic != null) {
                return exactTopic.equals(topic);
            }
            return topic.length() > wildcardPrefix.length() && topic.startsWith(wildcardPrefix)
                    && topic.indexOf('.', wildcardPrefix.length()) < 0;
        }
    }
}
