package dev.registry.catalog;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsulClientContract} with the served registry on a redis-server. */
class RedisConsulClientTest extends ConsulClientContract {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    String busUrl() {
        return Brokers.redisUrl(REDIS.server());
    }
}
