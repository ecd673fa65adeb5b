package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.FeatureContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsFeatureContractTest extends FeatureContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }
}
