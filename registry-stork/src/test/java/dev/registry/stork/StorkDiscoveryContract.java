package dev.registry.stork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.Await;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Metadata;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.api.ServiceRegistrar;
import io.smallrye.stork.api.ServiceRegistrar.RegistrarOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Stork itself ({@code Stork.initialize} with configuration) over a real bus: its {@code registry} discovery lists
 * instances as registries register, change and close them, its round-robin balancer spreads over them, and its
 * {@code registry} registrar registers instances that plain registries see. Each transport runs it with its broker.
 */
abstract class StorkDiscoveryContract extends StorkTestBase {

    @Test
    void instancesAppearChangeStatusAndDisappearAsRegistriesRegisterUpdateAndClose() {
        discovery("greeter", busAttributes());
        Stork.initialize();
        assertEquals(List.of(), instances("greeter"), "no instance yet");

        Registry first = registry();
        long registering = System.nanoTime();
        Registration one = first.register(Service.builder("greeter").address("127.0.0.1:9001").version("1.1")
                .kv("zone", "eu").url("http://127.0.0.1:9001/api").build());
        Await.until("the first instance is listed", () -> instances("greeter").size() == 1);
        System.out.printf("[stork %s] a registered instance was listed by Stork after %.1f ms%n", busName(),
                (System.nanoTime() - registering) / 1e6);
        registry().register(Service.builder("greeter").address("127.0.0.1:9002").url("https://127.0.0.1:9002").build());
        Registry third = registry();
        third.register(Service.builder("greeter").address("127.0.0.1:9003").build());
        Await.until("three instances", () -> instances("greeter").size() == 3);

        ServiceInstance listed = byPort(9001).orElseThrow();
        assertEquals("127.0.0.1", listed.getHost());
        assertEquals(Map.of("zone", "eu"), listed.getLabels());
        assertEquals(Optional.of("/api"), listed.getPath());
        assertFalse(listed.isSecure());
        assertTrue(byPort(9002).orElseThrow().isSecure(), "an https URL means secure");
        Map<?, Object> metadata = listed.getMetadata().getMetadata();
        assertEquals("greeter@127.0.0.1:9001", metadata.get(RegistryMetadataKey.SERVICE_ID));
        assertEquals("1.1", metadata.get(RegistryMetadataKey.VERSION));
        assertEquals("passing", metadata.get(RegistryMetadataKey.STATUS));
        assertEquals("http://127.0.0.1:9001/api", metadata.get(RegistryMetadataKey.URL));

        one.setStatus(Status.CRITICAL);
        Await.until("a critical instance leaves the list", () -> instances("greeter").size() == 2 && byPort(9001).isEmpty());
        one.setStatus(Status.PASSING);
        Await.until("passing again, it is back", () -> byPort(9001).isPresent());
        assertEquals(listed.getId(), byPort(9001).orElseThrow().getId(), "with the id it had");

        third.close();
        Await.until("the closed registry's instance leaves the list", () -> instances("greeter").size() == 2 && byPort(9003).isEmpty());
    }

    @Test
    void roundRobinSpreadsCallsEvenlyOverTheInstances() {
        discovery("greeter", busAttributes());
        Stork.initialize();
        for (int port = 9001; port <= 9003; port++) {
            registry().register(Service.builder("greeter").address("127.0.0.1:" + port).build());
        }
        Await.until("three instances", () -> instances("greeter").size() == 3);

        Map<Integer, Integer> selected = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            ServiceInstance instance = Stork.getInstance().getService("greeter").selectInstance().await().atMost(Duration.ofSeconds(5));
            selected.merge(instance.getPort(), 1, Integer::sum);
        }
        System.out.printf("[stork %s] 30 round-robin selections: %s%n", busName(), selected);
        assertEquals(Map.of(9001, 10, 9002, 10, 9003, 10), selected);
    }

    @Test
    void theRegistrarRegistersInstancesThatPlainRegistriesSeeAndDeregistersThem() {
        registrar("payments", busAttributes());
        Stork.initialize();
        Registry observer = registry();
        io.smallrye.stork.api.Service payments = Stork.getInstance().getService("payments");

        payments.registerInstance("payments", "127.0.0.1", 8080).await().atMost(Duration.ofSeconds(5));
        payments.registerInstance(new RegistrarOptions("payments", "https://127.0.0.1:8443/pay", 443, List.of("blue"),
                Map.of("zone", "eu"))).await().atMost(Duration.ofSeconds(5));
        @SuppressWarnings("unchecked") // Stork's Service hands out its registrar as a raw type
        ServiceRegistrar<RegistryMetadataKey> registrar = payments.getServiceRegistrar();
        registrar.registerServiceInstance("payments", Metadata.of(RegistryMetadataKey.class)
                .with(RegistryMetadataKey.VERSION, "2.0").with(RegistryMetadataKey.STATUS, "warning"), "127.0.0.1", 8082)
                .await().atMost(Duration.ofSeconds(5));

        Await.until("a plain registry sees the three instances", () -> observer.getServices("payments").size() == 3);
        Map<String, Service> byAddress = observer.getServices("payments").stream()
                .collect(Collectors.toMap(Service::address, service -> service));
        assertEquals(Map.of("blue", "blue", "zone", "eu"), byAddress.get("127.0.0.1:8443").kv());
        assertEquals("https://127.0.0.1:8443/pay", byAddress.get("127.0.0.1:8443").url());
        assertEquals("2.0", byAddress.get("127.0.0.1:8082").version());
        assertEquals(Status.WARNING, byAddress.get("127.0.0.1:8082").status());
        assertEquals(Status.PASSING, byAddress.get("127.0.0.1:8080").status());

        payments.deregisterServiceInstance("payments").await().atMost(Duration.ofSeconds(5));
        Await.until("deregistered, none is left", () -> observer.getServices("payments").isEmpty());
    }

    private static Optional<ServiceInstance> byPort(int port) {
        return instances("greeter").stream().filter(instance -> instance.getPort() == port).findFirst();
    }
}
