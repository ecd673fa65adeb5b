package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subjects on the wire are their UTF-8 bytes, as nats.go writes and reads them: checked against a client that
 * speaks the NATS text protocol over a plain socket and handles subjects as bytes only ({@link RawNatsClient}).
 */
class NatsWireSubjectsTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

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
        prefix = "w" + UUID.randomUUID().toString().replace("-", "");
    }

    @ParameterizedTest
    @EnumSource(PubsubOrigin.class)
    void aPublishedTopicLeavesAsItsUtf8Bytes(PubsubOrigin origin) throws Exception {
        try (RawNatsClient raw = RawNatsClient.connect(server.port(), READ_TIMEOUT);
             PubsubOrigin.Opened publisher = origin.open(server)) {
            raw.subscribe(utf8(prefix + ".register.>"), 1);

            for (String name : NatsUtf8SubjectsTest.NAMES) {
                publisher.pubsub().publish(topic(name), utf8(name));
            }

            // one publisher's messages reach a subscriber in the order they were published
            for (String name : NatsUtf8SubjectsTest.NAMES) {
                RawNatsClient.RawMessage message = raw.nextMessage();
                assertArrayEquals(utf8(topic(name)), message.subject(), "subject bytes of " + name + " on the wire");
                assertArrayEquals(utf8(name), message.payload());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PubsubOrigin.class)
    void utf8SubjectBytesFromTheWireReachHandlersAsTheirText(PubsubOrigin origin) throws Exception {
        try (RawNatsClient raw = RawNatsClient.connect(server.port(), READ_TIMEOUT);
             PubsubOrigin.Opened subscriber = origin.open(server)) {
            Map<String, String> exact = new ConcurrentHashMap<>();
            Map<String, String> wildcard = new ConcurrentHashMap<>();
            for (String name : NatsUtf8SubjectsTest.NAMES) {
                // delivered only if the SUB's subject bytes are the PUB's: this checks the subscribing side's bytes
                subscriber.pubsub().subscribe(topic(name), (topic, payload) -> exact.put(name, topic));
            }
            subscriber.pubsub().subscribe(prefix + ".register.*",
                    (topic, payload) -> wildcard.put(new String(payload, StandardCharsets.UTF_8), topic));

            for (String name : NatsUtf8SubjectsTest.NAMES) {
                raw.publish(utf8(topic(name)), utf8(name));
            }

            int count = NatsUtf8SubjectsTest.NAMES.size();
            Await.until("every raw message at the handlers", () -> exact.size() == count && wildcard.size() == count);
            for (String name : NatsUtf8SubjectsTest.NAMES) {
                assertEquals(topic(name), exact.get(name), "exact subscription to " + name);
                assertEquals(topic(name), wildcard.get(name), "wildcard subscription, payload " + name);
            }
        }
    }

    private String topic(String name) {
        return prefix + ".register." + name;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
