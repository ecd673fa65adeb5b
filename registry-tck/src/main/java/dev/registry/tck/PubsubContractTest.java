package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Pubsub} must do, checked on two connections to one real bus. A transport module extends
 * this class and supplies {@link #newPubsub()}; each test uses its own topic prefix.
 */
public abstract class PubsubContractTest {

    private final List<Pubsub> opened = new ArrayList<>();
    /** The topic prefix of the running test, unique to it, so tests on one broker never hear each other. */
    protected String prefix;

    /** A new, independent connection to the bus under test. */
    protected abstract Pubsub newPubsub();

    @BeforeEach
    void newPrefix() {
        prefix = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Pubsub::close);
    }

    /** A new connection from {@link #newPubsub()}, closed after the test. */
    protected Pubsub open() {
        Pubsub pubsub = newPubsub();
        opened.add(pubsub);
        return pubsub;
    }

    @Test
    void deliversToSubscribersOnOtherConnectionsWithTopicAndExactBytes() {
        Pubsub publisher = open();
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        List<byte[]> payloads = new CopyOnWriteArrayList<>();
        subscriber.subscribe(prefix + ".register.a", (topic, payload) -> {
            received.add(topic);
            payloads.add(payload);
        });
        byte[] body = "{\"name\":\"a\",\"kv\":{\"é\":\"✓\"}}".getBytes(StandardCharsets.UTF_8);
        publisher.publish(prefix + ".register.a", body);
        Await.until("message on the other connection", () -> received.size() == 1);
        assertEquals(prefix + ".register.a", received.peek());
        assertArrayEquals(body, payloads.get(0));
    }

    @Test
    void deliversEmptyPayloads() {
        Pubsub bus = open();
        List<byte[]> payloads = new CopyOnWriteArrayList<>();
        bus.subscribe(prefix + ".ping.a", (topic, payload) -> payloads.add(payload));
        open().publish(prefix + ".ping.a", new byte[0]);
        Await.until("empty ping", () -> payloads.size() == 1);
        assertEquals(0, payloads.get(0).length);
    }

    @Test
    void wildcardMatchesExactlyOneToken() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<String> topics = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".register.*", (topic, payload) -> topics.add(topic));
        Pubsub publisher = open();
        publisher.publish(prefix + ".unregister.a", new byte[] {1});
        publisher.publish(prefix + ".register.a", new byte[] {1});
        publisher.publish(prefix + ".register.b", new byte[] {1});
        publisher.publish(prefix + ".register.end", new byte[] {1});
        Await.until("three matching topics", () -> topics.contains(prefix + ".register.end"));
        assertEquals(List.of(prefix + ".register.a", prefix + ".register.b", prefix + ".register.end"),
                new ArrayList<>(topics));
    }

    @Test
    void subscribeAllMakesEveryTopicActiveBeforeItReturns() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<String> topics = new ConcurrentLinkedQueue<>();
        List<TopicSubscription> subscriptions = subscriber.subscribeAll(
                List.of(prefix + ".register.a", prefix + ".unregister.a", prefix + ".register.*"), (topic, payload) -> topics.add(topic));
        Pubsub publisher = open();
        publisher.publish(prefix + ".unregister.a", new byte[] {1});
        publisher.publish(prefix + ".register.b", new byte[] {1});
        Await.until("both topics delivered", () -> topics.size() == 2);
        assertEquals(List.of(prefix + ".unregister.a", prefix + ".register.b"), new ArrayList<>(topics));

        assertEquals(3, subscriptions.size());
        subscriptions.forEach(TopicSubscription::unsubscribe);
        ConcurrentLinkedQueue<String> marker = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".ping.marker", (t, p) -> marker.add(t));
        publisher.publish(prefix + ".register.a", new byte[] {1});
        publisher.publish(prefix + ".ping.marker", new byte[0]);
        Await.until("marker", () -> marker.size() == 1);
        assertEquals(2, topics.size(), "nothing after unsubscribing");
    }

    @Test
    void keepsPublishOrderPerPublisher() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<Integer> order = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".register.a", (topic, payload) -> order.add((int) payload[0]));
        Pubsub publisher = open();
        for (int i = 0; i < 100; i++) {
            publisher.publish(prefix + ".register.a", new byte[] {(byte) i});
        }
        Await.until("100 messages", () -> order.size() == 100);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, new ArrayList<>(order));
    }

    @Test
    void unsubscribeStopsDeliveryAndIsIdempotent() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> marker = new ConcurrentLinkedQueue<>();
        TopicSubscription subscription = subscriber.subscribe(prefix + ".register.a", (t, p) -> early.add(t));
        subscriber.subscribe(prefix + ".register.marker", (t, p) -> marker.add(t));
        subscription.unsubscribe();
        subscription.unsubscribe();
        Pubsub publisher = open();
        publisher.publish(prefix + ".register.a", new byte[] {1});
        publisher.publish(prefix + ".register.marker", new byte[] {1});
        Await.until("marker after the unsubscribed message", () -> marker.size() == 1);
        assertTrue(early.isEmpty(), "no delivery after unsubscribe");
    }

    @Test
    void closeIsIdempotentAndRejectsFurtherUse() {
        Pubsub pubsub = newPubsub();
        pubsub.close();
        pubsub.close();
        assertThrows(TransportException.class, () -> pubsub.publish(prefix + ".register.a", new byte[0]));
        assertThrows(TransportException.class, () -> pubsub.subscribe(prefix + ".register.a", (t, p) -> { }));
    }
}
