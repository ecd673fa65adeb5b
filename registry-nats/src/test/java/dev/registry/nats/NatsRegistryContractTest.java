package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.RegistryContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsRegistryContractTest extends RegistryContractTest {

    @RegisterExtension
    static final BrokerExtension NATS = new BrokerExtension(NatsServer::start);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }
}
