package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.spi.ConnectionState;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NatsPubsub#subscribeAllAsync}: returns without waiting for the server, completes once the server has
 * the subscriptions, waits through an outage instead of failing, and undoes the subscriptions when it fails. And
 * {@link NatsPubsub#subscribeAllUnconfirmed}, which asks the server nothing, with its later
 * {@link NatsPubsub#confirmSubscriptions() confirmation}.
 * Each test has a broker of its own, since they kill or pause it.
 */
class NatsSubscribeAllAsyncTest {

    /**
     * What "returns at once" allows: the call only hands the subscriptions to jnats, microseconds of work, but
     * a loaded 2-core machine may deschedule the thread; a call that waited for the server would take the
     * whole confirmation wait, which these tests make 10 s (or an outage, which has no end).
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private LocalServer server;
    private String prefix;

    @BeforeEach
    void startServer() {
        server = NatsServer.start();
        prefix = "a" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void completesWithEverySubscriptionOnceTheServerHasThem() throws Exception {
        try (Pubsub subscriber = NatsPubsub.connect(NatsServer.url(server));
             Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
            Queue<String> received = new ConcurrentLinkedQueue<>();

            List<TopicSubscription> subscriptions = subscriber.subscribeAllAsync(
                    List.of(prefix + ".register.a", prefix + ".unregister.a"), (topic, payload) -> received.add(topic))
                    .get(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);

            assertEquals(2, subscriptions.size());
            publisher.publish(prefix + ".unregister.a", new byte[] {1});
            publisher.publish(prefix + ".register.a", new byte[] {1});
            Await.until("both messages", () -> received.size() == 2);
            assertEquals(List.of(prefix + ".unregister.a", prefix + ".register.a"), List.copyOf(received));
        }
    }

    @Test
    void returnsAtOnceWhileTheBrokerIsDownAndCompletesAfterItIsBack() throws Exception {
        try (NatsPubsub subscriber = NatsPubsub.connect(NatsServer.url(server))) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            subscriber.addConnectionListener(states::add);
            Queue<String> received = new ConcurrentLinkedQueue<>();
            server.kill();
            Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));

            long start = System.nanoTime();
            CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllAsync(
                    List.of(prefix + ".register.*"), (topic, payload) -> received.add(topic));
            Duration returnedAfter = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(returnedAfter.compareTo(AT_ONCE) < 0, "returned after " + returnedAfter.toMillis() + " ms");
            assertFalse(subscribed.isDone(), "pending while the broker is down, not failed");
            long restartedAt = System.nanoTime();
            server.restart();
            Await.until("confirmed after the restart", subscribed::isDone);
            long confirmedMillis = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
            System.out.println("ASYNC subscribeAllAsync-during-outage returned-us=" + returnedAfter.toNanos() / 1_000
                    + " confirmed-after-restart-ms=" + confirmedMillis);

            assertEquals(1, subscribed.get().size());
            assertTrue(states.contains(ConnectionState.RECONNECTED), states.toString());
            try (Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
                publisher.publish(prefix + ".register.after", new byte[] {1});
                Await.until("the message published after the restart", () -> received.contains(prefix + ".register.after"));
            }
        }
    }

    @Test
    void doesNotWaitForAStalledServerAndCompletesWhenItAnswers() throws Exception {
        try (NatsPubsub subscriber = NatsPubsub.connect(optionsWaiting(Duration.ofSeconds(10)))) {
            server.pause();
            try {
                long start = System.nanoTime();
                CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllAsync(
                        List.of(prefix + ".register.a"), (topic, payload) -> { });
                Duration returnedAfter = Duration.ofNanos(System.nanoTime() - start);

                assertTrue(returnedAfter.compareTo(AT_ONCE) < 0, "returned after " + returnedAfter.toMillis() + " ms");
                assertFalse(subscribed.isDone(), "a paused server cannot have confirmed");
                server.resume();
                Await.until("confirmed once the server answers", subscribed::isDone);
                assertEquals(1, subscribed.get().size());
            } finally {
                server.resume();
            }
        }
    }

    @Test
    void failsAndUndoesTheSubscriptionsWhenAConnectedServerDoesNotAnswerInTime() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        try (NatsPubsub subscriber = NatsPubsub.connect(optionsWaiting(Duration.ofMillis(500)))) {
            server.pause();
            CompletableFuture<List<TopicSubscription>> subscribed;
            try {
                subscribed = subscriber.subscribeAllAsync(List.of(prefix + ".register.a"), (topic, payload) -> received.add(topic));
                Await.until("failed after the connection timeout", subscribed::isDone);
            } finally {
                server.resume();
            }

            ExecutionException failed = assertThrows(ExecutionException.class, subscribed::get);
            assertInstanceOf(TransportException.class, failed.getCause());
            assertNoLongerSubscribed(subscriber, prefix + ".register.a", received);
        }
    }

    @Test
    void closingThePubsubFailsAPendingFutureAndUndoesItsSubscriptions() {
        NatsPubsub subscriber = NatsPubsub.connect(NatsServer.url(server));
        server.kill();
        CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllAsync(
                List.of(prefix + ".register.a"), (topic, payload) -> { });
        assertFalse(subscribed.isDone());

        subscriber.close();

        ExecutionException failed = assertThrows(ExecutionException.class, subscribed::get);
        assertInstanceOf(TransportException.class, failed.getCause());
        CompletableFuture<List<TopicSubscription>> afterClose = subscriber.subscribeAllAsync(
                List.of(prefix + ".register.b"), (topic, payload) -> { });
        assertTrue(afterClose.isCompletedExceptionally(), "a closed pubsub fails at once");
    }

    @Test
    void aCallerThatGivesUpUndoesTheSubscriptions() throws Exception {
        try (NatsPubsub subscriber = NatsPubsub.connect(NatsServer.url(server))) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            subscriber.addConnectionListener(states::add);
            Queue<String> received = new ConcurrentLinkedQueue<>();
            server.kill();
            CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllAsync(
                    List.of(prefix + ".register.a"), (topic, payload) -> received.add(topic));

            assertTrue(subscribed.cancel(false));
            server.restart();
            Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));

            assertNoLongerSubscribed(subscriber, prefix + ".register.a", received);
        }
    }

    @Test
    void unconfirmedSubscriptionsCostNoRoundTripAndGetTheAnswersToWhatThisConnectionPublishesNext() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        try (NatsPubsub subscriber = NatsPubsub.of(connection)) {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            long pingsBefore = connection.getStatistics().getPings();

            CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllUnconfirmed(
                    List.of(prefix + ".register.a", prefix + ".unregister.a"), (topic, payload) -> received.add(topic));
            // on the same connection, so the server routes it after the subscriptions, unconfirmed as they are
            subscriber.publish(prefix + ".register.a", new byte[] {1});

            assertTrue(subscribed.isDone() && !subscribed.isCompletedExceptionally(), "completed at once");
            assertEquals(2, subscribed.get().size());
            Await.until("the message published right after", () -> received.contains(prefix + ".register.a"));
            assertEquals(pingsBefore, connection.getStatistics().getPings(), "no PING was sent to confirm them");
        } finally {
            connection.close();
        }
    }

    @Test
    void confirmingUnconfirmedSubscriptionsIsOneRoundTripAfterWhichEveryonesMessagesArrive() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        try (NatsPubsub subscriber = NatsPubsub.of(connection);
             Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribeAllUnconfirmed(List.of(prefix + ".register.a"), (topic, payload) -> received.add(topic));
            long pingsBefore = connection.getStatistics().getPings();

            subscriber.confirmSubscriptions().get(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);

            assertTrue(connection.getStatistics().getPings() > pingsBefore, "confirmed by a PING round trip");
            publisher.publish(prefix + ".register.a", new byte[] {1});
            Await.until("another connection's message", () -> received.contains(prefix + ".register.a"));
        } finally {
            connection.close();
        }
    }

    @Test
    void aClosedPubsubFailsUnconfirmedSubscriptionsAndTheirConfirmation() {
        NatsPubsub subscriber = NatsPubsub.connect(NatsServer.url(server));
        subscriber.close();

        CompletableFuture<List<TopicSubscription>> subscribed = subscriber.subscribeAllUnconfirmed(
                List.of(prefix + ".register.a"), (topic, payload) -> { });
        ExecutionException failed = assertThrows(ExecutionException.class, subscribed::get);
        assertInstanceOf(TransportException.class, failed.getCause());
        failed = assertThrows(ExecutionException.class, () -> subscriber.confirmSubscriptions().get());
        assertInstanceOf(TransportException.class, failed.getCause());
    }

    /**
     * Publishes on {@code topic}, then on a topic {@code subscriber} has just subscribed to; once the second
     * arrives, the first would have arrived before it had {@code topic} still been subscribed, since one
     * publisher's messages reach a subscriber in order.
     */
    private void assertNoLongerSubscribed(Pubsub subscriber, String topic, Queue<String> received) {
        Queue<String> sentinel = new ConcurrentLinkedQueue<>();
        MessageHandler sentinelHandler = (sentinelTopic, payload) -> sentinel.add(sentinelTopic);
        subscriber.subscribe(prefix + ".sentinel", sentinelHandler);
        try (Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
            publisher.publish(topic, new byte[] {1});
            publisher.publish(prefix + ".sentinel", new byte[] {1});
            Await.until("the sentinel message", () -> !sentinel.isEmpty());
        }
        assertEquals(List.of(), List.copyOf(received), "nothing reached the undone subscription");
    }

    /** Options for one server that wait {@code connectionTimeout} for a flush, the wait of a confirmation. */
    private Options optionsWaiting(Duration connectionTimeout) {
        return new Options.Builder().server(NatsServer.url(server)).connectionTimeout(connectionTimeout)
                .maxReconnects(-1).build();
    }
}
