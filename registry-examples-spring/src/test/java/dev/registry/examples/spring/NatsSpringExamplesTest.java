package dev.registry.examples.spring;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Spring example's processes on a real nats-server. */
class NatsSpringExamplesTest extends SpringExamplesContract {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }
}
