package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import dev.registry.testkit.Await;
import dev.registry.testkit.LocalServer;
import io.nats.client.ConnectionListener;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A broker that dies and comes back on the same port: the pubsub says so and its subscriptions survive. */
class NatsReconnectTest {

    private LocalServer server;

    @BeforeEach
    void startServer() {
        server = NatsServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void reportsTheOutageOnceAndResubscribesAfterABrokerRestart() {
        try (Pubsub subscriber = NatsPubsub.connect(NatsServer.url(server))) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            subscriber.addConnectionListener(states::add);
            ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribe("outage.register.*", (topic, payload) -> received.add(topic));

            server.kill();
            Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));
            server.restart();
            Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));

            try (Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
                publisher.publish("outage.register.after", new byte[] {1});
                Await.until("message published after the outage", () -> received.contains("outage.register.after"));
            }
            assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED), states);
        }
    }

    @Test
    void reportsOneOutageThoughJnatsReportsEveryFailedAttempt() {
        Options fastRetries = new Options.Builder().server(NatsServer.url(server)).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(20)).build();
        try (NatsPubsub pubsub = NatsPubsub.connect(fastRetries)) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            pubsub.addConnectionListener(states::add);
            AtomicInteger jnatsDisconnects = new AtomicInteger();
            pubsub.connection().addConnectionListener((connection, event) -> {
                if (event == ConnectionListener.Events.DISCONNECTED) {
                    jnatsDisconnects.incrementAndGet();
                }
            });

            server.kill();
            Await.until("several failed reconnect attempts", () -> jnatsDisconnects.get() >= 3);
            server.restart();
            Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));

            assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED), states);
        }
    }
}
