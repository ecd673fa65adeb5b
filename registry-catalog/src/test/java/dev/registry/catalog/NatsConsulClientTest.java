package dev.registry.catalog;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsulClientContract} with the served registry on a nats-server. */
class NatsConsulClientTest extends ConsulClientContract {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }
}
