package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.spi.Pubsub;
import dev.registry.TransportException;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Credentials in the URL go to jnats; a refusal says so without repeating the password. */
class NatsAuthTest {

    private static LocalServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start("--user", "u", "--pass", "p");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void acceptsTheUserAndPasswordOfTheUrl() {
        String url = "nats://u:p@127.0.0.1:" + server.port();
        try (Pubsub subscriber = NatsPubsub.connect(url); Pubsub publisher = NatsPubsub.connect(url)) {
            ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribe("auth.register.a", (topic, payload) -> received.add(topic));

            publisher.publish("auth.register.a", new byte[] {1});

            Await.until("message on the authenticated connection", () -> received.size() == 1);
        }
    }

    @Test
    void aWrongPasswordFailsFastWithAClearMessage() {
        String url = "nats://u:wrong-secret@127.0.0.1:" + server.port();

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(url)));

        String message = thrown.getMessage();
        assertTrue(message.contains("nats://u:***@127.0.0.1:" + server.port()), message);
        assertTrue(message.contains("authentication failed"), message);
        assertTrue(message.contains("Authorization Violation"), message);
        assertFalse(message.contains("wrong-secret"), message);
    }
}
