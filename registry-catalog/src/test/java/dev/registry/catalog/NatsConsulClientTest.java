package dev.registry.catalog;

import dev.registry.testkit.BrokerExtension;
import dev.registry.testkit.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsulClientContract} with the served registry on a nats-server. */
class NatsConsulClientTest extends ConsulClientContract {

    @RegisterExtension
    static final BrokerExtension NATS = new BrokerExtension(Brokers::nats);

    @Override
    String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }
}
