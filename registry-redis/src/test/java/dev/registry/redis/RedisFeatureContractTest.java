package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.LocalServer;
import dev.registry.testkit.FeatureContractTest;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Health checks, watches, dependencies, endpoints and zones on a real redis-server. */
class RedisFeatureContractTest extends FeatureContractTest {

    private static LocalServer server;

    @BeforeAll
    static void startRedis() {
        server = RedisServers.standalone();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Override
    protected Pubsub newPubsub() {
        return new RedisPubsubProvider().connect(URI.create(RedisServers.url(server)));
    }
}
