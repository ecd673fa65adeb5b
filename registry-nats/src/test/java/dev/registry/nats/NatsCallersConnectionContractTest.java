package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.PubsubContractTest;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pubsub contract on connections the caller opened and owns ({@link NatsPubsub#of}). The callers'
 * connections are closed before the pubsubs on them, so this also checks that closing a pubsub whose
 * connection the caller already closed is quiet.
 */
class NatsCallersConnectionContractTest extends PubsubContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeCallersConnections() throws InterruptedException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    @Override
    protected Pubsub newPubsub() {
        try {
            Connection connection = Nats.connect(NatsServer.url(NATS.server()));
            connections.add(connection);
            return NatsPubsub.of(connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
