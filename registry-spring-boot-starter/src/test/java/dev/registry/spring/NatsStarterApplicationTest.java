package dev.registry.spring;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's application on a real nats-server. */
class NatsStarterApplicationTest extends StarterApplicationContract {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @DynamicPropertySource
    static void bus(DynamicPropertyRegistry properties) {
        properties.add("registry.url", () -> Brokers.natsUrl(NATS.server()));
    }

    @Override
    String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }
}
