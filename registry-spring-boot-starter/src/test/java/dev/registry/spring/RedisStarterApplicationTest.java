package dev.registry.spring;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's application on a real redis-server. */
class RedisStarterApplicationTest extends StarterApplicationContract {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @DynamicPropertySource
    static void bus(DynamicPropertyRegistry properties) {
        properties.add("registry.url", () -> Brokers.redisUrl(REDIS.server()));
    }

    @Override
    String busUrl() {
        return Brokers.redisUrl(REDIS.server());
    }
}
