package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server that wants a token: the token of the URL or the Options gets in, a wrong one is refused at once. */
class NatsTokenAuthTest {

    private static final String TOKEN = "s3cret-token";

    private static LocalServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start("--auth", TOKEN);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void acceptsTheTokenOfTheUrl() {
        String url = "nats://" + TOKEN + "@127.0.0.1:" + server.port();

        TwoRegistries.assertSeeEachOther(NatsPubsub.connect(url), NatsPubsub.connect(url));
    }

    @Test
    void acceptsTheTokenOfTheOptions() {
        Options options = new Options.Builder().server(NatsServer.url(server)).token(TOKEN.toCharArray()).build();

        TwoRegistries.assertSeeEachOther(NatsPubsub.connect(options), NatsPubsub.connect(options));
    }

    @Test
    void aWrongTokenFailsFastWithAMessageThatDoesNotShowIt() {
        String url = "nats://wrong-token@127.0.0.1:" + server.port();

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(url)));

        String message = thrown.getMessage();
        assertTrue(message.contains("nats://***@127.0.0.1:" + server.port()), message);
        assertTrue(message.contains("authentication failed"), message);
        assertTrue(message.contains("Authorization Violation"), message);
        assertFalse(message.contains("wrong-token"), message);
    }
}
