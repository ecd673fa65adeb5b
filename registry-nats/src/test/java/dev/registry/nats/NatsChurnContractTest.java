package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.ChurnContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Name churn against a real nats-server, where every new name costs subscriptions on the server: fewer names. */
class NatsChurnContractTest extends ChurnContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected Pubsub newPubsub() {
        return NatsPubsub.connect(NatsServer.url(NATS.server()));
    }

    @Override
    protected int churnNames() {
        return 40_000;
    }

    @Override
    protected int loadBalanceNames() {
        return 40_000;
    }
}
