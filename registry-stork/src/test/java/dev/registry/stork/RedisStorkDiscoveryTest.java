package dev.registry.stork;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Stork tests over a real redis-server. */
class RedisStorkDiscoveryTest extends StorkDiscoveryContract {

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
