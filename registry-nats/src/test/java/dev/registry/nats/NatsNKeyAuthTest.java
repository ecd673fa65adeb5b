package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that knows one NKey user: a client signing the server's nonce with that user's seed gets in; one
 * signing with another seed is refused at once. NKeys have no URL form: they go in the Options.
 */
class NatsNKeyAuthTest {

    @TempDir
    static Path directory;

    private static NKey user;
    private static LocalServer server;

    @BeforeAll
    static void startServer() throws Exception {
        user = NKey.createUser(new SecureRandom());
        server = NatsServer.startWithConfiguration(directory,
                "authorization {\n  users = [ { nkey: " + new String(user.getPublicKey()) + " } ]\n}\n");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void acceptsAClientThatSignsWithTheUsersSeed() {
        Options options = optionsSigningWith(user);

        TwoRegistries.assertSeeEachOther(NatsPubsub.connect(options), NatsPubsub.connect(options));
    }

    @Test
    void refusesAnotherKeyFast() throws Exception {
        Options stranger = optionsSigningWith(NKey.createUser(new SecureRandom()));

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(stranger)));

        String message = thrown.getMessage();
        assertTrue(message.contains(NatsServer.url(server)), message);
        assertTrue(message.contains("authentication failed"), message);
        assertTrue(message.contains("Authorization Violation"), message);
    }

    private static Options optionsSigningWith(NKey key) {
        return new Options.Builder().server(NatsServer.url(server))
                .authHandler(Nats.staticCredentials(null, key.getSeed())).build();
    }
}
