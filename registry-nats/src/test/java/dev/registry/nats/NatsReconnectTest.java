package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import dev.registry.tck.Await;
import dev.registry.tck.EventRecorder;
import dev.registry.tck.LocalServer;
import io.nats.client.ConnectionListener;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that dies and comes back on the same port: the pubsub says so, its subscriptions survive, and
 * registries on it neither lose nor expire instances because of the outage.
 */
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

    @Test
    void registriesKeepTheirInstancesThroughAnOutageLongerThanTheDueTime() {
        RegistryOptions options = RegistryOptions.builder().mainTopic("outage" + server.port())
                .registerInterval(Duration.ofMillis(500)).unregisterOnShutdown(false).build();
        NatsPubsub observerBus = NatsPubsub.connect(NatsServer.url(server));
        Map<ConnectionState, Long> firstAt = new ConcurrentHashMap<>();
        observerBus.addConnectionListener(state -> firstAt.putIfAbsent(state, System.nanoTime()));
        try (Registry owner = Registry.connect(NatsPubsub.connect(NatsServer.url(server)), options);
             Registry observer = Registry.connect(observerBus, options)) {
            owner.register(Service.builder("steady").address("127.0.0.1:1").build());
            EventRecorder events = new EventRecorder();
            observer.observe("steady", events);
            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");

            server.kill();
            Await.until("the observer's DISCONNECTED", () -> firstAt.containsKey(ConnectionState.DISCONNECTED));
            server.restart();
            Await.until("the observer's RECONNECTED", () -> firstAt.containsKey(ConnectionState.RECONNECTED));
            owner.register(Service.builder("steady").address("127.0.0.1:2").build());
            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:2");

            Duration dueTime = Duration.ofMillis(750);
            long outage = firstAt.get(ConnectionState.RECONNECTED) - firstAt.get(ConnectionState.DISCONNECTED);
            assertTrue(outage > dueTime.toNanos(), "the outage outlasted the due time");
            assertEquals(List.of(), events.of(ServiceEvent.Type.EXPIRED), "nothing expired because the bus was down");
            assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2"),
                    observer.getServices("steady").stream().map(Service::address).sorted().toList());
        }
    }
}
