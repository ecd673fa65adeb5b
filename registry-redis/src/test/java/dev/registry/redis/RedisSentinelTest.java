package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A master and one Sentinel monitoring it, started once for the class: the transport finds the master by name. */
class RedisSentinelTest {

    private static LocalServer master;
    private static LocalServer sentinel;
    private static Path config;
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void startMasterAndSentinel() throws IOException {
        master = RedisServers.standalone();
        int port = Addresses.freePort();
        // Sentinel rewrites its configuration file, so it gets a file of its own
        config = Files.createTempFile("sentinel-" + port + "-", ".conf");
        Files.writeString(config, "bind 127.0.0.1\n"
                + "sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1\n"
                + "sentinel down-after-milliseconds mymaster 60000\n");
        sentinel = LocalServer.startOnPort("redis-server", port,
                p -> List.of(config.toString(), "--sentinel", "--port", String.valueOf(p)));
    }

    @AfterAll
    static void stopAll() throws IOException {
        sentinel.close();
        master.close();
        Files.deleteIfExists(config);
    }

    private RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(1)).build();
    }

    @Test
    void aRegistryOnTheSentinelUrlUsesTheMaster() {
        try (Registry viaSentinel = Registry.connect("redis-sentinel://127.0.0.1:" + sentinel.port() + "#mymaster", options());
                Registry onMaster = Registry.connect("redis://127.0.0.1:" + master.port(), options())) {
            viaSentinel.register(Service.builder("orders").address("127.0.0.1:1").build());
            onMaster.register(Service.builder("billing").address("127.0.0.1:2").build());

            assertEquals("127.0.0.1:1", onMaster.getService("orders").address(), "published on the master");
            assertEquals("127.0.0.1:2", viaSentinel.getService("billing").address(), "subscribed on the master");
        }
    }

    @Test
    void anUnknownMasterNameFailsFast() {
        long start = System.nanoTime();
        TransportException failed = assertThrows(TransportException.class,
                () -> Registry.connect("redis-sentinel://127.0.0.1:" + sentinel.port() + "#nosuchmaster", options()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "fails fast");
        assertTrue(failed.getMessage().contains("#nosuchmaster"), failed.getMessage());
    }
}
