package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.LocalServer;
import dev.registry.testkit.RegistryContractTest;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registry contract on a real redis-server, each registry on its own URL-made transport (owning its client). */
class RedisRegistryContractTest extends RegistryContractTest {

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
