package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.LocalServer;
import dev.registry.testkit.RobustnessContractTest;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Forged messages, races and stampedes against a real redis-server. */
class RedisRobustnessContractTest extends RobustnessContractTest {

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
