package dev.registry.grpc;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gRPC discovery tests over a real nats-server. */
class NatsGrpcDiscoveryTest extends GrpcDiscoveryContract {

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
