package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Filters;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceNotFoundException;
import dev.registry.Status;
import dev.registry.spi.Pubsub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Choosing an instance as users of Consul, Eureka and Spring Cloud LoadBalancer ask for: weights, version ranges,
 * sticky choice, graceful drain, and a deadline or cancellation per lookup, across registries on the real bus of
 * the transport that extends it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class RoutingContractTest extends RegistryTestBase {

    @Test
    void weightedSplitsInProportionSmoothly() {
        Registry owner = registry();
        owner.register(Service.builder("w").address("10.0.0.1:80").kv("weight", "5").build());
        owner.register(Service.builder("w").address("10.0.0.2:80").kv("weight", "3").build());
        owner.register(Service.builder("w").address("10.0.0.3:80").kv("weight", "2").build());
        owner.register(Service.builder("w").address("10.0.0.4:80").kv("weight", "0").build());
        Registry client = registry();
        Await.until("four instances", () -> client.getServices("w").size() == 4);

        Map<String, Integer> picks = new HashMap<>();
        String previous = null;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < 100_000; i++) {
            String address = client.getService("w", Filters.weighted()).address();
            picks.merge(address, 1, Integer::sum);
            run = address.equals(previous) ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
            previous = address;
        }
        System.out.println("[routing] weighted 5:3:2:0 over 100000 picks: " + new java.util.TreeMap<>(picks) + " longest run " + longestRun);
        assertEquals(0.5, picks.get("10.0.0.1:80") / 100_000.0, 0.01);
        assertEquals(0.3, picks.get("10.0.0.2:80") / 100_000.0, 0.01);
        assertEquals(0.2, picks.get("10.0.0.3:80") / 100_000.0, 0.01);
        assertFalse(picks.containsKey("10.0.0.4:80"), "weight 0: never while others are left");
        assertTrue(longestRun <= 2, "smooth: the heaviest instance gets at most 2 calls in a row, got " + longestRun);
    }

    @Test
    void weightZeroEverywhereMeansEveryInstanceAlike() {
        Registry owner = registry();
        owner.register(Service.builder("zero").address("10.0.0.1:80").kv("weight", "0").build());
        owner.register(Service.builder("zero").address("10.0.0.2:80").kv("weight", "0").build());
        Registry client = registry();
        Await.until("two instances", () -> client.getServices("zero").size() == 2);
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(client.getService("zero", Filters.weighted()).address());
        }
        assertEquals(Set.of("10.0.0.1:80", "10.0.0.2:80"), seen);
    }

    @Test
    void versionRangesFollowSemverPrecedenceAndLeavePrereleasesOut() {
        Registry owner = registry();
        for (String version : List.of("1.3.9", "1.4.0", "1.5.2", "2.0.0-rc.1", "2.0.0", "")) {
            owner.register(Service.builder("v").address("10.0.0." + (version.isEmpty() ? "99" : version.replace('.', '-')) + ":80")
                    .version(version).build());
        }
        Registry client = registry();
        Await.until("six instances", () -> client.getServices("v").size() == 6);

        assertEquals(List.of("1.4.0", "1.5.2"), versions(client, "^1.4"));
        assertEquals(List.of("1.3.9", "1.4.0", "1.5.2"), versions(client, ">=1.2 <2.0"));
        assertEquals(List.of("2.0.0"), versions(client, "2.0.0"));
        assertEquals(List.of("2.0.0", "2.0.0-rc.1"), versions(client, ">=2.0.0-rc.1"));
        assertEquals(List.of("1.4.0"), versions(client, "~1.4"));
        assertEquals(List.of("1.3.9", "2.0.0"), versions(client, "1.3.x || >=2"));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Filters.version("^one.two"));
        assertTrue(invalid.getMessage().contains("'^one.two'"), invalid.getMessage());
    }

    @Test
    void stickyKeepsAKeyOnItsInstanceAndMovesOnlyTheKeysOfOneThatLeaves() {
        Registry owner = registry();
        Map<String, Registration> registrations = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String address = "10.0.1." + i + ":80";
            registrations.put(address, owner.register(service("sticky", address)));
        }
        Registry client = registry();
        Await.until("ten instances", () -> client.getServices("sticky").size() == 10);
        Map<String, String> before = new HashMap<>();
        for (int key = 0; key < 10_000; key++) {
            before.put("user-" + key, client.getService("sticky", Filters.sticky("user-" + key)).address());
        }
        assertEquals(before.get("user-42"), client.getService("sticky", Filters.sticky("user-42")).address(), "same key, same instance");
        String leaving = before.get("user-0");
        registrations.get(leaving).unregister();
        Await.until("nine instances", () -> client.getServices("sticky").size() == 9);

        int moved = 0;
        for (Map.Entry<String, String> choice : before.entrySet()) {
            String now = client.getService("sticky", Filters.sticky(choice.getKey())).address();
            if (!now.equals(choice.getValue())) {
                moved++;
                assertEquals(leaving, choice.getValue(), "only the keys of the instance that left move");
            }
        }
        double share = moved / 10_000.0;
        System.out.println("[routing] sticky: " + moved + " of 10000 keys moved when 1 of 10 instances left (" + share + ")");
        assertTrue(share > 0.05 && share < 0.15, "about a tenth of the keys move, moved " + share);
    }

    @Test
    void drainAnnouncesDrainingKeepsBeatingThenUnregisters() {
        Registry owner = registry(options().registerInterval(Duration.ofMillis(200)).build());
        Registration draining = owner.register(service("drain", "10.0.2.1:80"));
        owner.register(service("drain", "10.0.2.2:80"));
        Registry client = registry(options().dueFactor(1.5).build());
        EventRecorder events = new EventRecorder();
        client.observe("drain", events);
        Await.until("two instances", () -> client.getServices("drain").size() == 2);
        ConcurrentLinkedQueue<String> wire = new ConcurrentLinkedQueue<>();
        Pubsub goPeer = raw();
        goPeer.subscribe(topic("register", "drain"), (topic, payload) -> wire.add(new String(payload, StandardCharsets.UTF_8)));

        long started = System.nanoTime();
        CompletableFuture<Void> gone = draining.drain(Duration.ofMillis(1_000));
        ServiceEvent updated = events.await(ServiceEvent.Type.UPDATED, "10.0.2.1:80");
        assertEquals(Status.DRAINING, updated.service().status());
        for (int i = 0; i < 20; i++) {
            assertEquals("10.0.2.2:80", client.getService("drain", Filters.passing(), Filters.loadBalance()).address());
        }
        assertThrows(IllegalStateException.class, () -> draining.setStatus(Status.PASSING));
        Await.until("a Go peer reads it as critical with the drain marker",
                () -> wire.stream().anyMatch(message -> message.contains("\"10.0.2.1:80\"") && message.contains("\"status\":\"critical\"")
                        && message.contains("\"draining\":\"true\"")));
        gone.join();
        long drainedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        events.await(ServiceEvent.Type.UNREGISTERED, "10.0.2.1:80");
        assertEquals(List.of(), events.of(ServiceEvent.Type.EXPIRED), "kept beating while draining: never expired");
        assertTrue(drainedMillis >= 1_000, "unregistered after the period, " + drainedMillis + " ms");
        System.out.println("[routing] drain of 1000 ms unregistered after " + drainedMillis + " ms");
    }

    @Test
    void aLookupTakesItsOwnDeadlineAndAnAsyncLookupCanBeCancelled() {
        Registry client = registry(options().lookupTimeout(Duration.ofSeconds(5)).build());
        long started = System.nanoTime();
        assertThrows(ServiceNotFoundException.class, () -> client.getService("nobody", Duration.ofMillis(100)));
        assertTrue(client.findService("nobody-either", Duration.ofMillis(100)).isEmpty());
        assertEquals(List.of(), client.getServices("nobody-at-all", Duration.ofMillis(100)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("[routing] three 100 ms lookups under a 5 s lookup timeout took " + tookMillis + " ms");
        assertTrue(tookMillis < 2_000, "each bounded by its own 100 ms, took " + tookMillis + " ms");
        assertThrows(IllegalArgumentException.class, () -> client.getService("x", Duration.ofHours(2)));

        CompletableFuture<Service> pending = client.getServiceAsync("later");
        assertTrue(pending.cancel(false));
        registry().register(service("later", "10.0.3.1:80"));
        Await.until("the instance is found by a new lookup", () -> client.findService("later").isPresent());
        assertTrue(pending.isCancelled());
    }

    private static List<String> versions(Registry client, String range) {
        return client.getServices("v", Filters.version(range)).stream().map(Service::version).sorted().collect(Collectors.toList());
    }
}
