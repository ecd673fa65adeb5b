package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.PubsubContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsPubsubContractTest extends PubsubContractTest {

    @RegisterExtension
    static final BrokerExtension NATS = new BrokerExtension(NatsServer::start);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }
}
