package dev.registry.catalog;

import dev.registry.testkit.BrokerExtension;
import dev.registry.testkit.Brokers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsulClientContract} with the served registry on a redis-server. */
class RedisConsulClientTest extends ConsulClientContract {

    @RegisterExtension
    static final BrokerExtension REDIS = new BrokerExtension(Brokers::redis);

    @Override
    String busUrl() {
        return Brokers.redisUrl(REDIS.server());
    }
}
