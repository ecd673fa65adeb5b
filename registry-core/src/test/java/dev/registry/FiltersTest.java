package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final List<Service> THREE = List.of(
            Service.builder("s").address("a:1").host("h1").build(),
            Service.builder("s").address("a:2").host("h2").status(Status.WARNING).build(),
            Service.builder("s").address("a:3").host("h1").status(Status.CRITICAL).build());

    @Test
    void passingKeepsOnlyPassingAndReturnsTheSameListWhenAllPass() {
        assertEquals(List.of(THREE.get(0)), Filters.passing().apply(THREE));
        List<Service> allPassing = List.of(THREE.get(0));
        assertSame(allPassing, Filters.passing().apply(allPassing));
    }

    @Test
    void sameHostAndComposition() {
        assertEquals(List.of(THREE.get(0), THREE.get(2)), Filters.sameHost("h1").apply(THREE));
        assertEquals(List.of(THREE.get(0)), Filters.sameHost("h1").andThen(Filters.passing()).apply(THREE));
        assertEquals(List.of(), Filters.sameHost("none").andThen(Filters.loadBalance()).apply(THREE));
    }

    @Test
    void loadBalanceOutsideARegistryIsAFairRoundRobinUnderConcurrencyAndKeepsNoStatePerName() throws Exception {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 3_000; i++) {
                    String address = Filters.loadBalance().apply(THREE).get(0).address();
                    hits.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);

        assertEquals(4_000, hits.get("a:1").get());
        assertEquals(4_000, hits.get("a:2").get());
        assertEquals(4_000, hits.get("a:3").get());
    }
}
