package dev.registry.cli;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same tool on a Redis bus: only the URL changes. */
class RedisIT {

    @Test
    void lsAndGetWorkOnRedis() {
        try (Broker redis = Brokers.redis();
             Registry registry = Registry.connect(Brokers.redisUrl(redis), RegistryOptions.builder()
                     .registerInterval(Duration.ofMillis(200)).unregisterOnShutdown(false).build())) {
            registry.register(Service.builder("greeter").address("127.0.0.1:9801").build());

            RegistryCli.Result ls = RegistryCli.run(Map.of(), "--url", Brokers.redisUrl(redis), "ls", "--wait", "1s");
            RegistryCli.Result get = RegistryCli.run(Map.of("REGISTRY_URL", Brokers.redisUrl(redis)), "get", "greeter");

            assertEquals(0, ls.exit(), ls.toString());
            assertTrue(ls.stdout().lines().anyMatch(line -> line.matches("greeter +127\\.0\\.0\\.1:9801 +passing .*")), ls.toString());
            assertEquals(0, get.exit(), get.toString());
            assertTrue(get.stdout().contains("127.0.0.1:9801"), get.toString());
        }
    }
}
