package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.ChurnContractTest;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Name churn against a real redis-server, where every new name costs subscriptions on the server: fewer names. */
class RedisChurnContractTest extends ChurnContractTest {

    @RegisterExtension
    static final BrokerExtension<Broker> REDIS = new BrokerExtension<>(Brokers::redis);

    @Override
    protected Pubsub newPubsub() {
        return new RedisPubsubProvider().connect(URI.create(RedisServers.url(REDIS.server())));
    }

    @Override
    protected int churnNames() {
        return 30_000;
    }

    @Override
    protected int loadBalanceNames() {
        return 40_000;
    }
}
