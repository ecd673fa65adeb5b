package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.LocalServer;
import dev.registry.testkit.FeatureContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class NatsFeatureContractTest extends FeatureContractTest {

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
