package dev.registry.grpc;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gRPC discovery tests over a real redis-server. */
class RedisGrpcDiscoveryTest extends GrpcDiscoveryContract {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    protected String busUrl() {
        return Brokers.redisUrl(REDIS.server());
    }

    @Override
    protected String busName() {
        return "redis";
    }
}
