package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service names beyond ASCII on NATS: the topic a handler gets is the topic that was published, whichever way
 * the pubsubs were made, so that a registry finds the name of the payload in the topic it came on.
 */
class NatsUtf8SubjectsTest {

    /** Two-byte, three-byte and four-byte (outside the BMP: a surrogate pair in Java) UTF-8 characters. */
    static final List<String> NAMES = List.of("café", "服务", "Ñandú", "emoji😀");

    private static LocalServer server;
    private String prefix;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newPrefix() {
        prefix = "u" + UUID.randomUUID().toString().replace("-", "");
    }

    @ParameterizedTest
    @EnumSource(PubsubOrigin.class)
    void nonAsciiTopicsReachExactAndWildcardSubscriptionsUnchanged(PubsubOrigin origin) throws Exception {
        try (PubsubOrigin.Opened subscriber = origin.open(server); PubsubOrigin.Opened publisher = origin.open(server)) {
            Map<String, Queue<String>> exact = new ConcurrentHashMap<>();
            for (String name : NAMES) {
                Queue<String> received = new ConcurrentLinkedQueue<>();
                exact.put(name, received);
                subscriber.pubsub().subscribe(topic(name), (topic, payload) -> received.add(topic));
            }
            Map<String, String> wildcard = new ConcurrentHashMap<>();
            subscriber.pubsub().subscribe(prefix + ".register.*",
                    (topic, payload) -> wildcard.put(new String(payload, StandardCharsets.UTF_8), topic));

            for (String name : NAMES) {
                publisher.pubsub().publish(topic(name), name.getBytes(StandardCharsets.UTF_8));
            }

            Await.until("every name at its exact subscription and at the wildcard", () -> wildcard.size() == NAMES.size()
                    && exact.values().stream().allMatch(received -> !received.isEmpty()));
            for (String name : NAMES) {
                assertEquals(List.of(topic(name)), List.copyOf(exact.get(name)), "exact subscription to " + name);
                // what the registry checks: the name in the payload is the name at the end of the topic
                assertEquals(topic(name), wildcard.get(name), "wildcard subscription, payload " + name);
            }
        }
    }

    @Test
    void registriesOnNatsFindServicesWithNonAsciiNames() {
        RegistryOptions options = RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(5)).build();
        try (Registry owner = Registry.connect(NatsServer.url(server), options);
             Registry client = Registry.connect(NatsServer.url(server), options)) {
            for (int i = 0; i < NAMES.size(); i++) {
                owner.register(Service.builder(NAMES.get(i)).address("127.0.0.1:" + (1000 + i)).build());
            }

            for (int i = 0; i < NAMES.size(); i++) {
                assertEquals("127.0.0.1:" + (1000 + i), client.getService(NAMES.get(i)).address(), NAMES.get(i));
            }
        }
    }

    private String topic(String name) {
        return prefix + ".register." + name;
    }
}
