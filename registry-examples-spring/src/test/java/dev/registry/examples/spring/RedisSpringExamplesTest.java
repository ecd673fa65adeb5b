package dev.registry.examples.spring;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Spring example's processes on a real redis-server. */
class RedisSpringExamplesTest extends SpringExamplesContract {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    String busUrl() {
        return Brokers.redisUrl(REDIS.server());
    }
}
