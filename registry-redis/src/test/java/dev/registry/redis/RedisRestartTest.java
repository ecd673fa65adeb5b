package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A redis-server killed with SIGKILL and started again on its port: Lettuce reconnects, the transport says so. */
class RedisRestartTest {

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

    private Pubsub open() {
        Pubsub pubsub = new RedisPubsubProvider().connect(URI.create(RedisServers.url(server)));
        opened.add(pubsub);
        return pubsub;
    }

    @Test
    void restartIsReportedAndSubscriptionsMadeBeforeItReceiveAgain() {
        Pubsub pubsub = open();
        ConcurrentLinkedQueue<ConnectionState> states = new ConcurrentLinkedQueue<>();
        pubsub.addConnectionListener(states::add);
        ConcurrentLinkedQueue<String> exact = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wildcard = new ConcurrentLinkedQueue<>();
        pubsub.subscribe(prefix + ".register.a", (topic, payload) -> exact.add(new String(payload)));
        pubsub.subscribe(prefix + ".register.*", (topic, payload) -> wildcard.add(new String(payload)));

        server.kill();
        Await.until("DISCONNECTED", () -> states.contains(ConnectionState.DISCONNECTED));
        server.restart();
        Await.until("RECONNECTED", () -> states.contains(ConnectionState.RECONNECTED));
        assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED), new ArrayList<>(states));

        // RECONNECTED means resubscribed: a message published at once by a new connection is delivered
        open().publish(prefix + ".register.a", "after".getBytes());
        pubsub.publish(prefix + ".register.a", "own".getBytes());
        Await.until("both messages on both subscriptions", () -> exact.size() == 2 && wildcard.size() == 2);
        // Two publishers: Redis orders each one's messages, not the two against each other.
        assertEquals(Set.of("after", "own"), Set.copyOf(exact));
        assertEquals(Set.of("after", "own"), Set.copyOf(wildcard));
        assertEquals(1, RedisServers.subscribers(server.port(), prefix + ".register.a"), "one server subscription, not two");
    }

    @Test
    void aRegistrationMadeBeforeTheRestartIsFoundAfterIt() {
        RegistryOptions options = RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(1)).build();
        Registry owner = Registry.connect(open(), options);
        opened.add(owner);
        owner.register(Service.builder("orders").address("127.0.0.1:8080").build());
        ConcurrentLinkedQueue<ConnectionState> states = new ConcurrentLinkedQueue<>();
        open().addConnectionListener(states::add);

        server.kill();
        server.restart();
        Await.until("the restart seen and recovered", () -> states.contains(ConnectionState.RECONNECTED));

        Registry late = Registry.connect(open(), options);
        opened.add(late);
        assertEquals("127.0.0.1:8080", late.getService("orders").address(), "the owner still answers pings");
    }
}
