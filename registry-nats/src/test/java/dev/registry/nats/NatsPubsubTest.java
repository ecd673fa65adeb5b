package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import dev.registry.TransportException;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the NATS transport does beyond the contract: connection ownership, URLs, connect failures. */
class NatsPubsubTest {

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
        prefix = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void closeLeavesTheCallersConnectionOpenWithItsOwnDispatchers() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        try {
            ConcurrentLinkedQueue<String> own = new ConcurrentLinkedQueue<>();
            Dispatcher users = connection.createDispatcher(message -> own.add(message.getSubject()));
            users.subscribe(prefix + ".user");
            NatsPubsub pubsub = NatsPubsub.of(connection);
            ConcurrentLinkedQueue<String> viaPubsub = new ConcurrentLinkedQueue<>();
            pubsub.subscribe(prefix + ".pubsub", (topic, payload) -> viaPubsub.add(topic));

            pubsub.close();

            assertEquals(Connection.Status.CONNECTED, connection.getStatus());
            try (NatsPubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
                publisher.publish(prefix + ".pubsub", new byte[] {1});
                publisher.publish(prefix + ".user", new byte[] {1});
                Await.until("message on the caller's own dispatcher", () -> own.size() == 1);
            }
            assertTrue(viaPubsub.isEmpty(), "the closed pubsub's subscription ended");
        } finally {
            connection.close();
        }
    }

    @Test
    void registryCloseLeavesTheCallersConnectionOpen() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        try {
            Registry registry = Registry.connect(NatsPubsub.of(connection), options());
            registry.register(Service.builder("kept").address("127.0.0.1:1234").build());

            registry.close();

            assertEquals(Connection.Status.CONNECTED, connection.getStatus());
            connection.flush(Duration.ofSeconds(5));
        } finally {
            connection.close();
        }
    }

    @Test
    void closeClosesAnOwnedConnectionAndReportsClosed() {
        NatsPubsub pubsub = NatsPubsub.connect(NatsServer.url(server));
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        pubsub.addConnectionListener(states::add);

        pubsub.close();
        pubsub.close();

        assertEquals(Connection.Status.CLOSED, pubsub.connection().getStatus());
        assertEquals(List.of(ConnectionState.CLOSED), states);
    }

    @Test
    void anOwnedConnectionRunsOnNamedDaemonThreadsThatEndWithIt() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        NatsPubsub pubsub = NatsPubsub.connect(NatsServer.url(server));
        pubsub.subscribe(prefix + ".a", (topic, payload) -> { });
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread)).toList();

        pubsub.close();

        assertTrue(started.stream().anyMatch(thread -> thread.getName().startsWith("registry-nats-")), started.toString());
        assertTrue(started.stream().allMatch(Thread::isDaemon), started.toString());
        Await.until("the connection's threads end", () -> started.stream()
                .filter(thread -> thread.getName().startsWith("registry-nats-")).noneMatch(Thread::isAlive));
    }

    @Test
    void reportsClosedWhenTheCallerClosesItsConnection() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        try (NatsPubsub pubsub = NatsPubsub.of(connection)) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            pubsub.addConnectionListener(states::add);

            connection.close();

            Await.until("CLOSED reported", () -> states.contains(ConnectionState.CLOSED));
            assertThrows(TransportException.class, () -> pubsub.publish(prefix + ".a", new byte[0]));
        }
    }

    @Test
    void ofRejectsAClosedConnection() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(server));
        connection.close();

        TransportException thrown = assertThrows(TransportException.class, () -> NatsPubsub.of(connection));
        assertTrue(thrown.getMessage().contains("127.0.0.1:" + server.port()), thrown.getMessage());
    }

    @Test
    void registryConnectFindsTheTransportByUrl() {
        String url = NatsServer.url(server);
        try (Registry owner = Registry.connect(url, options());
             Registry client = Registry.connect(url, options())) {
            Service service = Service.builder("by-url").address("127.0.0.1:4321").build();
            owner.register(service);

            Service found = client.getService("by-url");

            assertEquals("127.0.0.1:4321", found.address());
        }
    }

    @Test
    void anUnknownSchemeNamesTheNatsScheme() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Registry.connect("nonsense://127.0.0.1:4222"));
        assertTrue(thrown.getMessage().contains("nats"), thrown.getMessage());
    }

    @Test
    void aTlsUrlReachesJnatsWhichWantsTlsFromTheServer() {
        String url = "tls://127.0.0.1:" + server.port();

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(TransportException.class, () -> Registry.connect(url)));

        assertTrue(thrown.getMessage().contains(url), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("SSL connection wanted by client"), thrown.getMessage());
    }

    @Test
    void connectingWhereNothingListensFailsFastNamingTheUrl() {
        String url = "nats://127.0.0.1:" + Addresses.freePort();

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(url)));

        assertTrue(thrown.getMessage().contains(url), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("Connection refused"), thrown.getMessage());
    }

    @Test
    void registryConnectWhereNothingListensFailsFast() {
        String url = "nats://127.0.0.1:" + Addresses.freePort();

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> Registry.connect(url)));

        assertTrue(thrown.getMessage().contains(url), thrown.getMessage());
    }

    @Test
    void aServerListFailsOverToTheServerThatListens() {
        String dead = "nats://127.0.0.1:" + Addresses.freePort();
        try (Pubsub subscriber = NatsPubsub.connect(dead + "," + NatsServer.url(server));
             Pubsub publisher = NatsPubsub.connect(NatsServer.url(server) + "," + dead)) {
            ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribe(prefix + ".register.*", (topic, payload) -> received.add(topic));

            publisher.publish(prefix + ".register.a", new byte[] {1});

            Await.until("message over the server list", () -> received.contains(prefix + ".register.a"));
        }
    }

    @Test
    void theCallerMayReuseThePublishedArray() {
        try (Pubsub subscriber = NatsPubsub.connect(NatsServer.url(server));
             Pubsub publisher = NatsPubsub.connect(NatsServer.url(server))) {
            ConcurrentLinkedQueue<Byte> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribe(prefix + ".a", (topic, payload) -> received.add(payload[0]));
            byte[] reused = {1};

            publisher.publish(prefix + ".a", reused);
            reused[0] = 2;

            Await.until("message", () -> received.size() == 1);
            assertEquals((byte) 1, received.peek());
        }
    }

    private RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(2)).build();
    }
}
