package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.RegistryContractTest;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract on a real redis-server, each registry on its own URL-made transport (owning its client). */
class RedisRegistryContractTest extends RegistryContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    protected Pubsub newPubsub() {
        return new RedisPubsubProvider().connect(URI.create(RedisServers.url(REDIS.server())));
    }
}
