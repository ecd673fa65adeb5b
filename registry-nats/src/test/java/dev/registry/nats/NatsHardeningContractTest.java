package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.HardeningContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hardening contract against a real nats-server. */
class NatsHardeningContractTest extends HardeningContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }
}
