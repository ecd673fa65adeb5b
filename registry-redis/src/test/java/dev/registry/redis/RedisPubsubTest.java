package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Redis transport does beyond the contract: pattern semantics, shared channels, threads, ownership. */
class RedisPubsubTest {

    private static LocalServer server;
    private final List<Pubsub> opened = new ArrayList<>();
    private String prefix;

    @BeforeAll
    static void startRedis() {
        server = RedisServers.standalone();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void newPrefix() {
        prefix = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Pubsub::close);
    }

    private Pubsub open() {
        return open(RedisServers.url(server));
    }

    private Pubsub open(String url) {
        Pubsub pubsub = new RedisPubsubProvider().connect(URI.create(url));
        opened.add(pubsub);
        return pubsub;
    }

    @Test
    void wildcardMatchesOneTokenAndGlobCharactersOfThePrefixLiterally() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<String> topics = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".a\\b.*", (topic, payload) -> topics.add(topic));
        subscriber.subscribe(prefix + ".[x].*", (topic, payload) -> topics.add(topic));
        Pubsub publisher = open();
        publisher.publish(prefix + ".a\\b.deeper.token", new byte[] {1});
        publisher.publish(prefix + ".ab.unescaped", new byte[] {1});
        publisher.publish(prefix + ".x.unescaped", new byte[] {1});
        publisher.publish(prefix + ".a\\b.", new byte[] {1});
        publisher.publish(prefix + ".a\\b.one", new byte[] {1});
        publisher.publish(prefix + ".[x].end", new byte[] {1});
        Await.until("the last matching message", () -> topics.contains(prefix + ".[x].end"));
        assertEquals(List.of(prefix + ".a\\b.one", prefix + ".[x].end"), new ArrayList<>(topics));
    }

    @Test
    void subscriptionsOfOneTopicShareOneServerSubscription() {
        Pubsub subscriber = open();
        String topic = prefix + ".register.shared";
        ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> second = new ConcurrentLinkedQueue<>();
        TopicSubscription one = subscriber.subscribe(topic, (t, p) -> first.add(t));
        TopicSubscription two = subscriber.subscribe(topic, (t, p) -> second.add(t));
        assertEquals(1, RedisServers.subscribers(server.port(), topic));

        one.unsubscribe();
        open().publish(topic, new byte[] {1});
        Await.until("the remaining subscription's message", () -> second.size() == 1);
        assertTrue(first.isEmpty());
        assertEquals(1, RedisServers.subscribers(server.port(), topic), "still subscribed for the second handler");

        two.unsubscribe();
        Await.until("UNSUBSCRIBE after the last handler left", () -> RedisServers.subscribers(server.port(), topic) == 0);
    }

    @Test
    void handlersRunOnTheTransportsOwnThreadSoASlowHandlerDoesNotStallLettuce() throws Exception {
        Pubsub subscriber = open();
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".slow", (topic, payload) -> {
            threads.add(Thread.currentThread().getName());
            awaitQuietly(release);
        });
        open().publish(prefix + ".slow", new byte[0]);
        Await.until("the slow handler to start", () -> !threads.isEmpty());

        // Lettuce's event loop still reads the SUBSCRIBE acknowledgement while the handler blocks
        TopicSubscription meanwhile = subscriber.subscribe(prefix + ".other", (topic, payload) -> { });
        release.countDown();
        meanwhile.unsubscribe();
        assertTrue(threads.peek().matches("registry-redis-\\d+-handler"), threads.peek());
    }

    @Test
    void aThrowingHandlerDoesNotStopLaterMessages() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".boom", (topic, payload) -> {
            seen.add((int) payload[0]);
            throw new IllegalStateException("handler failure is logged, not fatal");
        });
        Pubsub publisher = open();
        publisher.publish(prefix + ".boom", new byte[] {1});
        publisher.publish(prefix + ".boom", new byte[] {2});
        Await.until("both messages", () -> seen.size() == 2);
    }

    @Test
    void closeLeavesTheCallersClientOpen() {
        RedisClient client = RedisClient.create(RedisServers.url(server));
        try {
            Pubsub pubsub = RedisPubsub.of(client);
            pubsub.subscribe(prefix + ".x", (topic, payload) -> { });
            pubsub.close();
            try (var connection = client.connect()) {
                assertEquals("PONG", connection.sync().ping());
            }
            assertThrows(TransportException.class, () -> pubsub.publish(prefix + ".x", new byte[0]));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void closeShutsDownTheClientAndThreadsItCreated() {
        String name = "owned" + UUID.randomUUID().toString().replace("-", "");
        // the threads of this client only: another test's client may still be ending its own meanwhile
        Set<Thread> before = lettuceThreadsOfOwnedClients();
        Pubsub pubsub = new RedisPubsubProvider().connect(URI.create(RedisServers.url(server) + "?clientName=" + name));
        pubsub.subscribe(prefix + ".x", (topic, payload) -> { });
        assertEquals(2, RedisServers.clientsNamed(server.port(), name), "a publishing and a subscribing connection");
        Set<Thread> created = lettuceThreadsOfOwnedClients();
        created.removeAll(before);
        assertFalse(created.isEmpty(), "the client started threads of its own");

        pubsub.close();
        pubsub.close();

        Await.until("both connections closed", () -> RedisServers.clientsNamed(server.port(), name) == 0);
        Await.until("the client's threads ended", () -> created.stream().noneMatch(Thread::isAlive));
    }

    @Test
    void messagesPublishedJustBeforeCloseStillReachTheBus() {
        Pubsub subscriber = open();
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        subscriber.subscribe(prefix + ".last", (topic, payload) -> received.add((int) payload[0]));
        Pubsub closing = new RedisPubsubProvider().connect(URI.create(RedisServers.url(server)));
        for (int i = 0; i < 50; i++) {
            closing.publish(prefix + ".last", new byte[] {(byte) i});
        }
        closing.close();
        Await.until("all 50 messages", () -> received.size() == 50);
    }

    @Test
    void connectingWhereNothingListensFailsFastNamingTheServer() {
        int port = Addresses.freePort();
        long start = System.nanoTime();
        TransportException failed = assertThrows(TransportException.class,
                () -> Registry.connect("redis://127.0.0.1:" + port));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "fails fast");
        assertTrue(failed.getMessage().contains("redis://127.0.0.1:" + port), failed.getMessage());
        assertTrue(failed.getMessage().contains("refused"), failed.getMessage());
    }

    @Test
    void registryConnectFindsTheTransportByUrl() {
        RegistryOptions options = RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(1)).build();
        try (Registry owner = Registry.connect(RedisServers.url(server), options);
                Registry client = Registry.connect(RedisServers.url(server) + "/3", options)) {
            owner.register(Service.builder("orders").address("127.0.0.1:8080").build());
            assertEquals("127.0.0.1:8080", client.getService("orders").address(),
                    "pub/sub ignores the database number, as Redis does");
        }
    }

    @Test
    void unsubscribeAfterCloseIsHarmless() {
        Pubsub pubsub = new RedisPubsubProvider().connect(URI.create(RedisServers.url(server)));
        TopicSubscription subscription = pubsub.subscribe(prefix + ".x", (topic, payload) -> { });
        pubsub.close();
        subscription.unsubscribe();
    }

    private static Set<Thread> lettuceThreadsOfOwnedClients() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("registry-redis-client"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
