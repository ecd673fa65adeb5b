package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.SocketAddressResolver;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A redis-server SIGKILLed and restarted on its port while the transport subscribes, publishes and pings:
 * nothing blocks during the outage, pending subscriptions complete after it, buffered messages arrive in order.
 * Each test has a server of its own. Measured times are printed as {@code OUTAGE <what> ...}.
 */
class RedisOutageTest {

    /** Lettuce's command timeout of the transports that must outlast it ({@code ?timeout=1s}). */
    private static final Duration SHORT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private LocalServer server;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void startRedis() {
        server = RedisServers.standalone();
    }

    @AfterEach
    void stopRedis() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void aSubscriptionMadeDuringTheOutageIsPendingAndCompletesAfterTheRestart() {
        subscribeDuringOutage("", false);
    }

    /**
     * Lettuce expires the SUBSCRIBE it buffered once the command timeout has passed; the subscription stays
     * pending all the same and the resubscription after the reconnect confirms it.
     */
    @Test
    void aSubscriptionMadeDuringAnOutageLongerThanTheCommandTimeoutStillCompletes() {
        subscribeDuringOutage("?timeout=" + SHORT_COMMAND_TIMEOUT.toSeconds() + "s", true);
    }

    private void subscribeDuringOutage(String query, boolean outlastCommandTimeout) {
        Pubsub pubsub = open(RedisServers.url(server) + query);
        ConcurrentLinkedQueue<ConnectionState> states = listen(pubsub);
        pubsub.subscribe(prefix + ".register.before", (topic, payload) -> { });
        StatefulRedisConnection<String, String> clock = outlastCommandTimeout ? sideConnection(SHORT_COMMAND_TIMEOUT.multipliedBy(2)) : null;

        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        CompletableFuture<List<TopicSubscription>> subscribing = pubsub.subscribeAllAsync(
                List.of(prefix + ".register.new", prefix + ".unregister.*"),
                (topic, payload) -> received.add(topic + "=" + new String(payload)));
        long returnedMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        System.out.println("OUTAGE subscribeAllAsync-while-down" + query + " returned-us=" + returnedMicros);
        assertTrue(returnedMicros < 50_000, "returned after " + returnedMicros + " µs; must not wait for Redis");
        assertFalse(subscribing.isDone(), "pending while Redis is down");
        if (outlastCommandTimeout) {
            awaitCommandTimeoutPassed(clock);
            assertFalse(subscribing.isDone(), "still pending after Lettuce expired the buffered SUBSCRIBE");
        }

        server.restart();
        long restarted = System.nanoTime();
        List<TopicSubscription> subscriptions = Await.value("the subscription confirmed after the restart",
                () -> subscribing.isDone() ? subscribing.join() : null);
        long confirmedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        System.out.println("OUTAGE subscribeAllAsync-while-down" + query + " confirmed-after-restart-ms=" + confirmedMillis);
        assertEquals(2, subscriptions.size());
        assertEquals(1, RedisServers.subscribers(server.port(), prefix + ".register.new"), "one server subscription");

        Pubsub other = open(RedisServers.url(server));
        other.publish(prefix + ".register.new", "a".getBytes());
        other.publish(prefix + ".unregister.x", "b".getBytes());
        other.publish(prefix + ".register.new", "last".getBytes());
        Await.until("the messages published after the restart", () -> received.contains(prefix + ".register.new=last"));
        // each exactly once: a SUBSCRIBE sent twice on one connection is still one server subscription
        assertEquals(List.of(prefix + ".register.new=a", prefix + ".unregister.x=b", prefix + ".register.new=last"),
                new ArrayList<>(received));
    }

    /**
     * SIGSTOP: the connection stays up, so there is no reconnect to resubscribe; the SUBSCRIBE that Lettuce
     * expired is sent again, and the subscription completes once the server answers.
     */
    @Test
    void aSubscriptionMadeWhileTheServerIsPausedLongerThanTheCommandTimeoutCompletesAfterItResumes() {
        Pubsub pubsub = open(RedisServers.url(server) + "?timeout=" + SHORT_COMMAND_TIMEOUT.toSeconds() + "s");
        StatefulRedisConnection<String, String> clock = sideConnection(SHORT_COMMAND_TIMEOUT.multipliedBy(2));
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

        server.pause();
        CompletableFuture<List<TopicSubscription>> subscribing;
        try {
            subscribing = pubsub.subscribeAllAsync(List.of(prefix + ".paused"), (topic, payload) -> received.add(topic));
            awaitCommandTimeoutPassed(clock);
            assertFalse(subscribing.isDone(), "still pending after Lettuce expired the SUBSCRIBE");
        } finally {
            server.resume();
        }
        long resumed = System.nanoTime();
        assertEquals(1, Await.value("the subscription confirmed after SIGCONT",
                () -> subscribing.isDone() ? subscribing.join() : null).size());
        System.out.println("OUTAGE subscribeAllAsync-while-paused confirmed-after-resume-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed));

        open(RedisServers.url(server)).publish(prefix + ".paused", new byte[] {1});
        Await.until("the message published after SIGCONT", () -> received.size() == 1);
        assertEquals(1, RedisServers.subscribers(server.port(), prefix + ".paused"), "one server subscription");
    }

    @Test
    void aPendingSubscriptionCancelledDuringTheOutageReceivesNothingAfterTheRestart() {
        Pubsub pubsub = open(RedisServers.url(server));
        ConcurrentLinkedQueue<ConnectionState> states = listen(pubsub);
        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));

        ConcurrentLinkedQueue<String> dropped = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> kept = new ConcurrentLinkedQueue<>();
        CompletableFuture<List<TopicSubscription>> cancelled = pubsub.subscribeAllAsync(
                List.of(prefix + ".dropped"), (topic, payload) -> dropped.add(topic));
        CompletableFuture<List<TopicSubscription>> pending = pubsub.subscribeAllAsync(
                List.of(prefix + ".kept"), (topic, payload) -> kept.add(topic));
        assertTrue(cancelled.cancel(false), "cancelled while pending");

        server.restart();
        Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));
        assertEquals(1, Await.value("the kept subscription", () -> pending.isDone() ? pending.join() : null).size());
        // RECONNECTED waits for an answer sent after the UNSUBSCRIBE of the cancelled channel
        assertEquals(0, RedisServers.subscribers(server.port(), prefix + ".dropped"), "no leaked server subscription");

        Pubsub other = open(RedisServers.url(server));
        other.publish(prefix + ".dropped", new byte[] {1});
        other.publish(prefix + ".kept", new byte[] {2});
        // one publisher's messages arrive in order: had the first been delivered, it would be here by now
        Await.until("the kept subscription's message", () -> kept.size() == 1);
        assertEquals(List.of(), new ArrayList<>(dropped));
    }

    /**
     * A confirmed subscription released during an outage that outlasts the command timeout: Lettuce expires the
     * buffered UNSUBSCRIBE, and its own resubscription on reconnect names the channel again, as Redis had
     * confirmed it. The transport unsubscribes it once Redis confirms it.
     */
    @Test
    void aSubscriptionReleasedDuringALongOutageIsNotLeftOnTheServer() {
        Pubsub pubsub = open(RedisServers.url(server) + "?timeout=" + SHORT_COMMAND_TIMEOUT.toSeconds() + "s");
        ConcurrentLinkedQueue<ConnectionState> states = listen(pubsub);
        ConcurrentLinkedQueue<String> released = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> kept = new ConcurrentLinkedQueue<>();
        TopicSubscription release = pubsub.subscribe(prefix + ".released", (topic, payload) -> released.add(topic));
        pubsub.subscribe(prefix + ".kept", (topic, payload) -> kept.add(topic));
        StatefulRedisConnection<String, String> clock = sideConnection(SHORT_COMMAND_TIMEOUT.multipliedBy(2));

        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));
        release.unsubscribe();
        awaitCommandTimeoutPassed(clock);
        server.restart();
        long restarted = System.nanoTime();
        Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));
        Await.until("the released channel unsubscribed on the server",
                () -> RedisServers.subscribers(server.port(), prefix + ".released") == 0);
        System.out.println("OUTAGE released-during-long-outage unsubscribed-after-restart-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
        assertEquals(1, RedisServers.subscribers(server.port(), prefix + ".kept"));

        Pubsub other = open(RedisServers.url(server));
        other.publish(prefix + ".released", new byte[] {1});
        other.publish(prefix + ".kept", new byte[] {2});
        Await.until("the kept subscription's message", () -> kept.size() == 1);
        assertEquals(List.of(), new ArrayList<>(released));
    }

    /**
     * Messages published while Redis is down wait in Lettuce's buffer and reach a subscriber in publish order
     * once it is back. The publisher's reconnect is held back (its address resolves to a closed port) until the
     * subscriber has resubscribed, since Redis pub/sub delivers only to subscriptions present when a message
     * arrives and the two connections would otherwise race.
     */
    @Test
    void messagesPublishedDuringTheOutageArriveInOrderAfterTheRestart() {
        AtomicBoolean publisherMayConnect = new AtomicBoolean(true);
        GatedResolver gate = new GatedResolver(publisherMayConnect, Addresses.freePort());
        Pubsub publisher = new RedisPubsubProvider(RedisPubsubProvider.COMMAND_QUEUE_LIMIT,
                resources -> resources.socketAddressResolver(gate)).connect(URI.create(RedisServers.url(server)));
        opened.add(publisher);
        ConcurrentLinkedQueue<ConnectionState> publisherStates = listen(publisher);
        Pubsub subscriber = open(RedisServers.url(server));
        ConcurrentLinkedQueue<ConnectionState> subscriberStates = listen(subscriber);
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        String topic = prefix + ".register.ordered";
        subscriber.subscribe(topic, (t, payload) -> received.add(ByteBuffer.wrap(payload).getInt()));

        publisherMayConnect.set(false);
        server.kill();
        Await.until("both DISCONNECTED", () -> publisherStates.contains(ConnectionState.DISCONNECTED)
                && subscriberStates.contains(ConnectionState.DISCONNECTED));
        int count = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            publisher.publish(topic, ByteBuffer.allocate(4).putInt(i).array());
        }
        long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("OUTAGE publish-while-down messages=" + count + " total-ms=" + publishMillis);
        assertTrue(publishMillis < 5_000, count + " buffered publishes took " + publishMillis + " ms");

        server.restart();
        Await.until("the subscriber resubscribed", () -> subscriberStates.contains(ConnectionState.RECONNECTED));
        assertEquals(List.of(), new ArrayList<>(received), "the publisher is still held back");
        publisherMayConnect.set(true);
        long released = System.nanoTime();
        Await.until("every buffered message", () -> received.size() >= count);
        System.out.println("OUTAGE publish-while-down delivered-after-reconnect-allowed-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released));
        assertEquals(IntStream.range(0, count).boxed().toList(), new ArrayList<>(received));
    }

    @Test
    void publishingPastTheBufferLimitThrowsAtOnceAndWorksAgainAfterTheRestart() {
        assertEquals(RedisPubsubProvider.COMMAND_QUEUE_LIMIT,
                ((RedisPubsub) open(RedisServers.url(server))).publisherOptions().getRequestQueueSize(),
                "a client made from a URL bounds its buffer");
        int limit = 100;
        Pubsub pubsub = new RedisPubsubProvider(limit, resources -> { }).connect(URI.create(RedisServers.url(server)));
        opened.add(pubsub);
        ConcurrentLinkedQueue<ConnectionState> states = listen(pubsub);
        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));

        for (int i = 0; i < limit; i++) {
            pubsub.publish(prefix + ".x", new byte[] {1});
        }
        long start = System.nanoTime();
        TransportException refused = assertThrows(TransportException.class, () -> pubsub.publish(prefix + ".x", new byte[] {2}));
        long refusedMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        System.out.println("OUTAGE publish-past-buffer-limit refused-after-us=" + refusedMicros);
        assertTrue(refusedMicros < 1_000_000, "refused after " + refusedMicros + " µs; must not block");
        assertTrue(refused.getMessage().contains("queue size exceeded"), refused.getMessage());

        server.restart();
        Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));
        Await.until("the buffer sent", () -> answersRoundTrip(pubsub));
        pubsub.publish(prefix + ".x", new byte[] {3});
    }

    @Test
    void roundTripFailsAtOnceWhileDisconnectedButWaitsForAPausedServer() {
        Pubsub pubsub = open(RedisServers.url(server));
        ConcurrentLinkedQueue<ConnectionState> states = listen(pubsub);
        pubsub.roundTrip(Duration.ofSeconds(5));

        Duration timeout = Duration.ofMillis(500);
        server.pause();
        long start = System.nanoTime();
        assertThrows(TransportException.class, () -> pubsub.roundTrip(timeout));
        long pausedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        server.resume();
        System.out.println("OUTAGE roundTrip-paused timeout-ms=" + timeout.toMillis() + " failed-after-ms=" + pausedMillis);
        assertTrue(pausedMillis >= timeout.toMillis(), "waited the timeout while connected: " + pausedMillis + " ms");
        Await.until("answers again after SIGCONT", () -> answersRoundTrip(pubsub));

        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));
        Duration longTimeout = Duration.ofSeconds(5);
        start = System.nanoTime();
        TransportException down = assertThrows(TransportException.class, () -> pubsub.roundTrip(longTimeout));
        long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("OUTAGE roundTrip-down timeout-ms=" + longTimeout.toMillis() + " failed-after-ms=" + downMillis);
        assertTrue(downMillis < 250, "failed after " + downMillis + " ms; must not wait for the " + longTimeout.toMillis() + " ms timeout");
        assertTrue(down.getMessage().contains("disconnected"), down.getMessage());

        server.restart();
        Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));
        Await.until("answers after the restart", () -> answersRoundTrip(pubsub));
    }

    private Pubsub open(String url) {
        Pubsub pubsub = new RedisPubsubProvider().connect(URI.create(url));
        opened.add(pubsub);
        return pubsub;
    }

    private static ConcurrentLinkedQueue<ConnectionState> listen(Pubsub pubsub) {
        ConcurrentLinkedQueue<ConnectionState> states = new ConcurrentLinkedQueue<>();
        pubsub.addConnectionListener(states::add);
        return states;
    }

    private static boolean answersRoundTrip(Pubsub pubsub) {
        try {
            pubsub.roundTrip(Duration.ofSeconds(1));
            return true;
        } catch (TransportException notYet) {
            return false;
        }
    }

    /** A plain Lettuce connection with command timeout {@code timeout}, opened while Redis is up. */
    private StatefulRedisConnection<String, String> sideConnection(Duration timeout) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                .withTimeout(timeout).build());
        opened.add(() -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        return client.connect();
    }

    /**
     * Waits until a PING sent now on {@code clock} (whose timeout is twice the transport's) expires unanswered:
     * by then the commands the transport buffered before it have expired too. Observed rather than slept, so
     * it also shows Lettuce does expire buffered commands.
     */
    private static void awaitCommandTimeoutPassed(StatefulRedisConnection<String, String> clock) {
        CompletableFuture<String> ping = clock.async().ping().toCompletableFuture();
        Await.until("a PING buffered during the outage to expire", ping::isDone);
        CompletionException expired = assertThrows(CompletionException.class, ping::join);
        assertInstanceOf(RedisCommandTimeoutException.class, expired.getCause());
    }

    /** Resolves every address to a closed loopback port while the gate is shut, so reconnecting fails. */
    private static final class GatedResolver extends SocketAddressResolver {
        private final AtomicBoolean open;
        private final int closedPort;

        GatedResolver(AtomicBoolean open, int closedPort) {
            this.open = open;
            this.closedPort = closedPort;
        }

        @Override
        public SocketAddress resolve(RedisURI uri) {
            return new InetSocketAddress("127.0.0.1", open.get() ? uri.getPort() : closedPort);
        }
    }
}
