package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry on NATS and one on Redis, with the same main topic and both transports on the class path: each
 * sees the registries of its own bus only. There is no bridge, so nothing can leak.
 */
class CrossTransportTest {

    private static Broker nats;
    private static Broker redis;
    private final List<Registry> opened = new ArrayList<>();
    private final RegistryOptions options = RegistryOptions.builder()
            .mainTopic("t" + UUID.randomUUID().toString().replace("-", "")).lookupTimeout(Duration.ofMillis(500)).build();

    @BeforeAll
    static void startBrokers() {
        nats = Brokers.nats();
        redis = Brokers.redis();
    }

    @AfterAll
    static void stopBrokers() {
        nats.close();
        redis.close();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Registry::close);
    }

    private Registry onNats() {
        return open(Brokers.natsUrl(nats));
    }

    private Registry onRedis() {
        return open(RedisServers.url(redis));
    }

    private Registry open(String url) {
        Registry registry = Registry.connect(url, options);
        opened.add(registry);
        return registry;
    }

    @Test
    void registriesOnNatsAndOnRedisWithOneMainTopicNeverSeeEachOther() {
        Registry natsObserver = onNats();
        Registry redisObserver = onRedis();
        ConcurrentLinkedQueue<ServiceEvent> natsEvents = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ServiceEvent> redisEvents = new ConcurrentLinkedQueue<>();
        natsObserver.observeAll(natsEvents::add);
        redisObserver.observeAll(redisEvents::add);

        onNats().register(Service.builder("orders").address("127.0.0.1:1").build());
        onRedis().register(Service.builder("billing").address("127.0.0.1:2").build());

        assertEquals("127.0.0.1:1", onNats().getService("orders").address(), "NATS peers see each other");
        assertEquals("127.0.0.1:2", onRedis().getService("billing").address(), "Redis peers see each other");
        assertTrue(onRedis().findService("orders").isEmpty(), "a NATS service is not on Redis");
        assertTrue(onNats().findService("billing").isEmpty(), "a Redis service is not on NATS");

        Await.until("each observer saw its own bus's registration",
                () -> names(natsEvents).contains("orders") && names(redisEvents).contains("billing"));
        assertEquals(Set.of("orders"), names(natsEvents));
        assertEquals(Set.of("billing"), names(redisEvents));
    }

    private static Set<String> names(ConcurrentLinkedQueue<ServiceEvent> events) {
        return events.stream().map(event -> event.service().name()).collect(Collectors.toSet());
    }
}
