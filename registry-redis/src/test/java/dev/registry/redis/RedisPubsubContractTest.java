package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.tck.LocalServer;
import dev.registry.tck.PubsubContractTest;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The raw pub/sub contract on a real redis-server, through a caller's {@link RedisClient} shared by every connection. */
class RedisPubsubContractTest extends PubsubContractTest {

    private static LocalServer server;
    private static RedisClient client;

    @BeforeAll
    static void startRedis() {
        server = RedisServers.standalone();
        client = RedisClient.create(RedisServers.url(server));
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    @Override
    protected Pubsub newPubsub() {
        return RedisPubsub.of(client);
    }
}
