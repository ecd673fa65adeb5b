package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.Pubsub;
import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password-protected redis-server: the default user has a password, {@code alice} is an ACL user with
 * access to every channel, {@code bob} one without channel access (Redis 7 denies channels by default).
 */
class RedisAuthTest {

    private static LocalServer server;
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void startRedis() {
        server = RedisServers.standalone("--requirepass", "defaultpw",
                "--user", "alice", "on", ">secret", "~*", "&*", "+@all",
                "--user", "bob", "on", ">bobpw", "~*", "+@all");
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    private RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(1)).build();
    }

    private String url(String credentials) {
        return "redis://" + credentials + "@127.0.0.1:" + server.port();
    }

    @Test
    void aclUserAndDefaultUserWithTheRightPasswordsSeeEachOther() {
        try (Registry alice = Registry.connect(url("alice:secret"), options());
                Registry byDefaultUser = Registry.connect(url("defaultpw"), options())) {
            alice.register(Service.builder("orders").address("127.0.0.1:8080").build());
            assertEquals("127.0.0.1:8080", byDefaultUser.getService("orders").address());
        }
    }

    @Test
    void callersClientCarriesTheCredentials() {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                .withAuthentication("alice", "secret").build());
        try (Registry viaClient = Registry.connect(RedisPubsub.of(client), options());
                Registry viaUrl = Registry.connect(url("alice:secret"), options())) {
            viaUrl.register(Service.builder("orders").address("127.0.0.1:8080").build());
            assertEquals("127.0.0.1:8080", viaClient.getService("orders").address());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void wrongPasswordFailsFastWithTheUrlMaskedAndRedisReason() {
        long start = System.nanoTime();
        TransportException failed = assertThrows(TransportException.class,
                () -> Registry.connect(url("alice:not-the-password"), options()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "fails fast");
        String message = failed.getMessage();
        assertTrue(message.contains("redis://alice:***@127.0.0.1:" + server.port()), message);
        assertTrue(message.contains("WRONGPASS"), message);
        assertFalse(message.contains("not-the-password"), message);
    }

    @Test
    void missingPasswordFailsFast() {
        TransportException failed = assertThrows(TransportException.class,
                () -> Registry.connect("redis://127.0.0.1:" + server.port(), options()));
        assertTrue(failed.getMessage().contains("NOAUTH"), failed.getMessage());
    }

    @Test
    void userWithoutChannelPermissionCannotSubscribe() {
        try (Pubsub bob = new RedisPubsubProvider().connect(java.net.URI.create(url("bob:bobpw")))) {
            TransportException failed = assertThrows(TransportException.class,
                    () -> bob.subscribe(prefix + ".register.orders", (topic, payload) -> { }));
            assertTrue(failed.getMessage().contains("NOPERM"), failed.getMessage());
        }
    }
}
