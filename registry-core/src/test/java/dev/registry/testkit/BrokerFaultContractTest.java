package dev.registry.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of a real broker and of real peer processes, each test against a broker of its own that it kills,
 * pauses and restarts. A transport module extends this class, starting its broker and naming its URL.
 * The figures each test measures are printed ({@code FAULT ...} lines) for the README's failure table.
 */
public abstract class BrokerFaultContractTest {

    private static final int INSTANCES = 20;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private LocalServer broker;
    private String prefix;

    /** Starts a fresh broker on a free loopback port. */
    protected abstract LocalServer startBroker();

    /** The URL a registry connects to {@code broker} with. */
    protected abstract String url(LocalServer broker);

    /** The delay between the transport's reconnect attempts: healing is promised within twice that. */
    protected abstract Duration reconnectWait();

    @BeforeEach
    void freshBroker() {
        prefix = "f" + UUID.randomUUID().toString().replace("-", "");
        broker = startBroker();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        broker.close();
    }

    private Registry registry(Duration registerInterval, double dueFactor) {
        RegistryOptions options = RegistryOptions.builder().mainTopic(prefix).registerInterval(registerInterval)
                .dueFactor(dueFactor).dueCheckPeriod(Duration.ofMillis(50)).lookupTimeout(Duration.ofSeconds(1))
                .unregisterOnShutdown(false).build();
        Registry registry = Registry.connect(url(broker), options);
        opened.add(registry);
        return registry;
    }

    /** Three registries holding 20 instances of "fleet" between them, each observing all of them. */
    private List<Registry> fleet(Duration registerInterval, double dueFactor, List<EventRecorder> events) {
        List<Registry> registries = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Registry registry = registry(registerInterval, dueFactor);
            EventRecorder recorder = new EventRecorder();
            registry.observe("fleet", recorder);
            events.add(recorder);
            registries.add(registry);
        }
        for (int i = 0; i < INSTANCES; i++) {
            registries.get(i % 3).register(Service.builder("fleet").address("127.0.0.1:" + (i + 1)).build());
        }
        for (Registry registry : registries) {
            Await.until("all 20 instances seen", () -> registry.getServices("fleet").size() == INSTANCES);
        }
        return registries;
    }

    /** Holds for {@code duration}, checking {@code invariant} all along (a fault is in progress meanwhile). */
    private static void holdFor(Duration duration, String invariant, java.util.function.BooleanSupplier check) {
        long end = System.nanoTime() + duration.toNanos();
        Await.until(invariant + " held for " + duration.toMillis() + " ms", duration.plusSeconds(30), () -> {
            assertTrue(check.getAsBoolean(), "broken during the fault: " + invariant);
            return System.nanoTime() >= end;
        });
    }

    @Test
    void brokerKilledAndRestartedLosesNothingAndHealsWithinTwoReconnectWaits() {
        List<EventRecorder> events = new ArrayList<>();
        // Due after 1.5 s: an outage of 3 s would expire everything if the registry did not pause expiry.
        List<Registry> registries = fleet(Duration.ofSeconds(1), 1.5, events);

        broker.kill();
        holdFor(Duration.ofSeconds(3), "lookups answer all 20 from the cache",
                () -> registries.stream().allMatch(r -> r.getServices("fleet").size() == INSTANCES));
        registries.get(0).register(Service.builder("fleet").address("127.0.0.1:999").build());
        long restarted = System.nanoTime();
        broker.restart();

        for (Registry registry : registries) {
            Await.until("the instance registered during the outage", () -> registry.getServices("fleet").size() == INSTANCES + 1);
        }
        long healedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        Registry newcomer = registry(Duration.ofSeconds(1), 1.5);
        Await.until("a registry connected after the restart sees all", () -> newcomer.getServices("fleet").size() == INSTANCES + 1);
        events.forEach(recorder -> assertEquals(List.of(), recorder.of(ServiceEvent.Type.EXPIRED)));
        System.out.println("FAULT broker-restart " + transportName() + " healed-ms=" + healedMillis);
        assertTrue(healedMillis <= 2 * reconnectWait().toMillis() + 1_000,
                "healed in " + healedMillis + " ms; promised within 2 x " + reconnectWait().toMillis() + " ms (+1 s slack for CI)");
    }

    @Test
    void brokerPausedLongerThanTheDueTimeExpiresNothing() {
        List<EventRecorder> events = new ArrayList<>();
        // Due after 3 s without a heartbeat; the broker stops answering for 5 s.
        List<Registry> registries = fleet(Duration.ofSeconds(1), 3, events);

        broker.pause();
        holdFor(Duration.ofSeconds(5), "lookups answer all 20 from the cache",
                () -> registries.stream().allMatch(r -> r.getServices("fleet").size() == INSTANCES));
        long resumed = System.nanoTime();
        broker.resume();
        registries.get(1).register(Service.builder("fleet").address("127.0.0.1:999").build());

        for (Registry registry : registries) {
            Await.until("all instances after the pause", () -> registry.getServices("fleet").size() == INSTANCES + 1);
        }
        System.out.println("FAULT broker-pause " + transportName() + " healed-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed));
        events.forEach(recorder -> assertEquals(List.of(), recorder.of(ServiceEvent.Type.EXPIRED)));
    }

    @Test
    void crashedPeerProcessExpiresWithinDueTimePlusDueCheckPeriod() {
        Duration interval = Duration.ofMillis(500);
        Registry observer = registry(interval, 1.5);
        ConcurrentMap<String, Long> expiredAt = new ConcurrentHashMap<>();
        observer.observe("crashy", event -> {
            if (event.type() == ServiceEvent.Type.EXPIRED) {
                expiredAt.put(event.service().address(), System.nanoTime());
            }
        });
        try (PeerProcess peer = PeerProcess.start(url(broker), prefix, "crashy", 5, interval)) {
            Await.until("the peer's 5 instances", () -> observer.getServices("crashy").size() == 5);
            long killed = System.nanoTime();
            peer.kill();

            Await.until("EXPIRED for each of the peer's instances", () -> expiredAt.size() == 5);
            long worstMillis = expiredAt.values().stream().mapToLong(at -> TimeUnit.NANOSECONDS.toMillis(at - killed)).max().orElseThrow();
            // Every instance was heard at most one interval before the kill, so it is due at most interval x 1.5
            // after the kill; the sweep adds up to one due-check period.
            long deadline = (long) (interval.toMillis() * 1.5) + 50 + 1_000;
            System.out.println("FAULT peer-crash " + transportName() + " expired-within-ms=" + worstMillis + " deadline-ms=" + deadline);
            assertTrue(worstMillis <= deadline, "expired " + worstMillis + " ms after the kill; deadline " + deadline
                    + " ms (due 750 + check 50 + 1,000 slack for scheduling on a loaded 2-core machine)");
        }
    }

    @Test
    void terminatedPeerProcessUnregistersInsteadOfExpiring() {
        Registry observer = registry(Duration.ofSeconds(20), 1.5);
        EventRecorder events = new EventRecorder();
        observer.observe("graceful", events);
        try (PeerProcess peer = PeerProcess.start(url(broker), prefix, "graceful", 3, Duration.ofSeconds(20))) {
            Await.until("the peer's 3 instances", () -> observer.getServices("graceful").size() == 3);
            long terminated = System.nanoTime();
            peer.terminate();

            Await.until("UNREGISTERED for each", () -> events.of(ServiceEvent.Type.UNREGISTERED).size() == 3);
            System.out.println("FAULT peer-sigterm " + transportName() + " unregistered-within-ms="
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - terminated));
            assertEquals(List.of(), events.of(ServiceEvent.Type.EXPIRED));
        }
    }

    private String transportName() {
        return getClass().getSimpleName();
    }
}
