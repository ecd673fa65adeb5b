package dev.registry.stork;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Stork tests over a real nats-server. */
class NatsStorkDiscoveryTest extends StorkDiscoveryContract {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }

    @Override
    protected String busName() {
        return "nats";
    }
}
