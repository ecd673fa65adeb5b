package dev.registry.tck.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.memory.InMemoryPubsub;
import dev.registry.tck.Await;
import dev.registry.tck.EventRecorder;
import dev.registry.tck.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Registry behaviour best shown on the in-memory bus: URL discovery, outages, threads. */
class InMemoryRegistryTest {

    private final String bus = "bus-" + UUID.randomUUID();

    @Test
    void connectsByUrlThroughServiceLoader() {
        try (Registry owner = Registry.connect("mem://" + bus); Registry client = Registry.connect("mem://" + bus)) {
            owner.register(Service.builder("url").address("127.0.0.1:1").build());
            assertEquals("127.0.0.1:1", client.getService("url").address());
        }
    }

    @Test
    void unknownSchemeNamesTheSchemesOnTheClassPath() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Registry.connect("zmq://x"));
        assertTrue(error.getMessage().contains("no transport for scheme 'zmq'"), error.getMessage());
        assertTrue(error.getMessage().contains("[mem]"), error.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Registry.connect("127.0.0.1:4222")).getMessage()
                .contains("has no scheme"));
        assertThrows(IllegalArgumentException.class, () -> Registry.connect("mem://"));
    }

    /**
     * A ping round ends when its timer, on the registry's scheduler, has run, not when the ticker says the lookup
     * timeout has passed: a busy scheduler (after a broker restart, re-announcing thousands of registrations) runs the
     * timer late, and a lookup in that gap must share the round, not ping again.
     */
    @Test
    void aLookupSharesAPingRoundWhoseTimerHasNotRunYetThoughTheTickerIsPastTheTimeout() {
        FakeTicker ticker = new FakeTicker();
        RegistryOptions options = RegistryOptions.builder().ticker(ticker).lookupTimeout(Duration.ofSeconds(2))
                .unregisterOnShutdown(false).build();
        try (Registry client = Registry.connect(InMemoryPubsub.connect(bus), options)) {
            CompletableFuture<List<Service>> first = client.getServicesAsync("late-timer");
            Await.until("the first lookup's ping", () -> client.stats().pingsSent() == 1);
            ticker.advance(Duration.ofSeconds(3)); // past the timeout on the ticker; the round's 2 s timer has not run
            CompletableFuture<List<Service>> second = client.getServicesAsync("late-timer");

            assertEquals(List.of(), first.join());
            assertEquals(List.of(), second.join());
            assertEquals(1, client.stats().pingsSent(), "the second lookup shared the first one's round");
        }
    }

    @Test
    void nothingExpiresWhileDisconnectedAndObservedNamesAreRepingedOnReconnect() {
        FakeTicker ticker = new FakeTicker();
        InMemoryPubsub ownerBus = InMemoryPubsub.connect(bus);
        InMemoryPubsub observerBus = InMemoryPubsub.connect(bus);
        RegistryOptions fast = RegistryOptions.builder().registerInterval(Duration.ofSeconds(1)).unregisterOnShutdown(false).build();
        try (Registry owner = Registry.connect(ownerBus, fast);
             Registry observer = Registry.connect(observerBus, fast.toBuilder().ticker(ticker)
                     .dueCheckPeriod(Duration.ofMillis(10)).build())) {
            EventRecorder events = new EventRecorder();
            observer.observe("outage", events);
            owner.register(Service.builder("outage").address("127.0.0.1:1").build());
            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");

            observerBus.disconnect();
            long pingsBefore = observer.stats().pingsSent();
            ticker.advance(Duration.ofMinutes(10));
            assertEquals(1, observer.getServices("outage").size(), "the cache still answers during the outage");
            observerBus.reconnect();

            Await.until("re-ping of observed names on reconnect", () -> observer.stats().pingsSent() > pingsBefore);
            assertTrue(events.of(ServiceEvent.Type.EXPIRED).isEmpty(), events.events().toString());
            // Once the owner goes silent, time on the observer's clock expires the instance as usual.
            ownerBus.disconnect();
            Await.until("expiry after the owner went silent", () -> {
                ticker.advance(Duration.ofSeconds(2));
                return !events.of(ServiceEvent.Type.EXPIRED).isEmpty();
            });
        }
    }

    @Test
    void ownerReannouncesItsRegistrationsWhenItsConnectionReturns() {
        InMemoryPubsub ownerBus = InMemoryPubsub.connect(bus);
        try (Registry owner = Registry.connect(ownerBus, RegistryOptions.builder().unregisterOnShutdown(false).build());
             Registry observer = Registry.connect(InMemoryPubsub.connect(bus))) {
            EventRecorder events = new EventRecorder();
            observer.observe("back", events);
            ownerBus.disconnect();
            owner.register(Service.builder("back").address("127.0.0.1:1").build());
            assertTrue(observer.findService("back").isEmpty(), "registered while disconnected: nobody heard it");

            ownerBus.reconnect();

            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        }
    }

    @Test
    void registeringTheSameInstanceAgainReplacesItWithoutUnregistering() {
        try (Registry owner = Registry.connect("mem://" + bus); Registry observer = Registry.connect("mem://" + bus)) {
            EventRecorder events = new EventRecorder();
            observer.observe("twice", events);
            Registration first = owner.register(Service.builder("twice").address("127.0.0.1:1").version("1").build());
            events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");

            Registration second = owner.register(Service.builder("twice").address("127.0.0.1:1").version("2").build());
            events.await(ServiceEvent.Type.UPDATED, "127.0.0.1:1");
            first.unregister();

            assertFalse(first.isRegistered());
            assertTrue(second.isRegistered());
            assertEquals(List.of(second), owner.registrations());
            assertEquals("2", observer.getService("twice").version());
            assertTrue(events.of(ServiceEvent.Type.UNREGISTERED).isEmpty());
        }
    }

    @Test
    void listenersRunOnTheSuppliedExecutorInOrderPerName() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> new Thread(runnable, "user-pool"));
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        EventRecorder events = new EventRecorder();
        try (Registry owner = Registry.connect("mem://" + bus);
             Registry observer = Registry.connect(InMemoryPubsub.connect(bus), RegistryOptions.builder().listenerExecutor(pool).build())) {
            observer.observe("ordered", event -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                events.onEvent(event);
                concurrent.decrementAndGet();
            });
            for (int i = 0; i < 50; i++) {
                owner.register(Service.builder("ordered").address("127.0.0.1:" + i).build()).unregister();
            }
            Await.until("100 events", () -> events.events().size() == 100);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.UNREGISTERED), events.typesOf("127.0.0.1:" + i));
        }
        assertEquals(1, maxConcurrent.get(), "one name's events never run concurrently");
        assertEquals(Set.of("user-pool"), Set.copyOf(events.threads()));
    }

    @Test
    void threadsAreNamedDaemonsAndEndWithClose() {
        Registry registry = Registry.connect("mem://" + bus);
        registry.observe("threads", event -> { });
        registry.register(Service.builder("threads").address("127.0.0.1:1").build());
        Await.until("an event thread", () -> registryThreads().stream().anyMatch(t -> t.getName().startsWith("registry-events-")));
        assertTrue(registryThreads().stream().allMatch(Thread::isDaemon));
        Set<Thread> started = registryThreads();

        registry.close();

        Await.until("the registry's threads ended", () -> started.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> registryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("registry-") && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
