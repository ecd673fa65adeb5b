package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.PubsubContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsPubsubContractTest extends PubsubContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }
}
