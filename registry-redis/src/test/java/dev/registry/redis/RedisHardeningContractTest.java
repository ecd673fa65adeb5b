package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.HardeningContractTest;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hardening contract against a real redis-server, each registry on its own URL-made transport. */
class RedisHardeningContractTest extends HardeningContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    protected Pubsub newPubsub() {
        return new RedisPubsubProvider().connect(URI.create(RedisServers.url(REDIS.server())));
    }
}
