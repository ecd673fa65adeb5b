package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.FeatureContractTest;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health checks, watches, dependencies, endpoints and zones on a real redis-server. */
class RedisFeatureContractTest extends FeatureContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    protected Pubsub newPubsub() {
        return new RedisPubsubProvider().connect(URI.create(RedisServers.url(REDIS.server())));
    }
}
