package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decentralized auth (operator, account, user JWTs): a {@code .creds} file of a user of the server's account
 * gets in; one of a user of another operator's account, whose JWT the server cannot trust, is refused at once.
 * Credentials files have no URL form: they go in the Options.
 */
class NatsCredentialsAuthTest {

    @TempDir
    static Path directory;

    private static NatsOperator operator;
    private static LocalServer server;

    @BeforeAll
    static void startServer() {
        operator = NatsOperator.create();
        server = NatsServer.startWithConfiguration(directory, operator.serverConfiguration(directory));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void acceptsTheCredentialsOfAUserOfTheAccount() {
        Options options = optionsWith(operator.userCredentials(directory, "registry"));

        TwoRegistries.assertSeeEachOther(NatsPubsub.connect(options), NatsPubsub.connect(options));
    }

    @Test
    void refusesTheCredentialsOfAnotherOperatorFast() {
        Options forged = optionsWith(NatsOperator.create().userCredentials(directory, "forger"));

        TransportException thrown = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(forged)));

        String message = thrown.getMessage();
        assertTrue(message.contains(NatsServer.url(server)), message);
        assertTrue(message.contains("authentication failed"), message);
        assertTrue(message.contains("Authorization Violation"), message);
    }

    private static Options optionsWith(Path credentials) {
        return new Options.Builder().server(NatsServer.url(server)).authHandler(Nats.credentials(credentials.toString()))
                .build();
    }
}
