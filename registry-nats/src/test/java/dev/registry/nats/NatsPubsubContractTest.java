package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.LocalServer;
import dev.registry.testkit.PubsubContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class NatsPubsubContractTest extends PubsubContractTest {

    private static LocalServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(server));
    }
}
