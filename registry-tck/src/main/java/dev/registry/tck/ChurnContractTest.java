package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Filters;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.ServiceEvent;
import dev.registry.Subscription;
import dev.registry.spi.Pubsub;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory stays flat however many distinct service names pass by: a name with no instance, listener, watch or
 * lookup for {@link RegistryOptions#nameIdleTime()} is forgotten, its subscriptions and state released, and
 * nothing JVM-wide (a filter's per-name state) keeps it either. The tests measure the used heap after full GCs
 * ({@link MemoryMXBean}) before and after the churn and print what they measured ({@code CHURN ...} lines).
 *
 * <p>A transport extends this class with its {@code newPubsub()}. One whose new names cost round trips to a
 * real broker may churn fewer names ({@link #churnNames()}, {@link #loadBalanceNames()}) to keep the class
 * within about a minute.
 */
public abstract class ChurnContractTest extends RegistryTestBase {

    /** The used heap may end this much above its baseline (what a JIT, a logger or a transport's pools may add). */
    private static final long HEAP_SLACK_BYTES = 2L * 1024 * 1024;
    private static final Duration NAME_IDLE_TIME = Duration.ofMillis(100);
    private static final int WARM_UP_NAMES = 5_000;
    /** Heap checks along the churn: memory must be flat all along, not only at the end. */
    private static final int CHECKPOINTS = 4;
    /** What "(near) zero" tracked names means once every instance is unregistered and every name idle. */
    private static final long NEAR_ZERO_NAMES = 10;
    /** Names per batch: registered together, looked up, then unregistered together. */
    private static final int BATCH = 500;
    /** Names one pair of registries load-balances before it is closed and replaced by a new pair. */
    private static final int LOAD_BALANCE_SEGMENT = 2_000;

    /** Distinct names the churn test runs through after its warm-up. */
    protected int churnNames() {
        return 100_000;
    }

    /** Distinct names looked up with {@link Filters#loadBalance()} after the warm-up. */
    protected int loadBalanceNames() {
        return 100_000;
    }

    private RegistryOptions.Builder churnOptions() {
        return options().nameIdleTime(NAME_IDLE_TIME);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void memoryStaysFlatWhileDistinctNamesAreRegisteredLookedUpAndUnregistered() {
        long started = System.nanoTime();
        AtomicLong events = new AtomicLong();
        Registry observer = registry(churnOptions().build());
        observer.observeAll(event -> events.incrementAndGet());
        Registry owner = registry(churnOptions().build());
        Churn churn = new Churn(owner, observer);

        churn.run("w", WARM_UP_NAMES);
        churn.awaitIdle();
        long baseline = settledUsedHeap();
        System.out.println("CHURN " + transport() + " names baseline=" + mib(baseline) + " after " + WARM_UP_NAMES
                + " warm-up names");

        int total = churnNames();
        int perCheckpoint = Math.max(1, total / CHECKPOINTS);
        long churnStarted = System.nanoTime();
        long churnNanos = 0;
        long peak = baseline;
        int done = 0;
        for (int checkpoint = 1; done < total; checkpoint++) {
            int names = Math.min(perCheckpoint, total - done);
            long segmentStarted = System.nanoTime();
            peak = Math.max(peak, churn.run("c" + checkpoint + "n", names));
            churnNanos += System.nanoTime() - segmentStarted;
            done += names;
            churn.awaitIdle();
            long used = settledUsedHeap();
            long growth = used - baseline;
            long tracked = churn.trackedWhileLive;
            int namesSoFar = done;
            System.out.println("CHURN " + transport() + " names checkpoint=" + checkpoint + " churned=" + namesSoFar
                    + " rate-per-s=" + rate(namesSoFar, churnNanos) + " heap=" + mib(used) + " growth=" + kib(growth)
                    + " peak=" + mib(peak) + " tracked-while-live=" + tracked + " tracked-now="
                    + observer.stats().namesTracked() + "/" + owner.stats().namesTracked() + " events=" + events.get());
            assertAll("after " + namesSoFar + " distinct names",
                    () -> assertTrue(tracked >= BATCH, "stats().namesTracked() must count the names with cached"
                            + " instances: the observer reported at most " + tracked + " while " + BATCH
                            + " names had instances"),
                    () -> assertTrue(growth <= HEAP_SLACK_BYTES, "used heap grew by " + kib(growth) + " over "
                            + namesSoFar + " distinct names (baseline " + mib(baseline) + ", now " + mib(used)
                            + "); allowed " + kib(HEAP_SLACK_BYTES)));
        }
        System.out.println("CHURN " + transport() + " names total=" + total + " churn-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - churnStarted) + " rate-per-s=" + rate(total, churnNanos)
                + " test-ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " baseline=" + mib(baseline)
                + " peak=" + mib(peak) + " final=" + mib(settledUsedHeap()));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void loadBalancingDistinctNamesLeavesNothingBehindOnceTheRegistryIsClosed() {
        long started = System.nanoTime();
        runLoadBalanced("w", WARM_UP_NAMES);
        long baseline = settledUsedHeap();

        int names = loadBalanceNames();
        long churnStarted = System.nanoTime();
        long peak = runLoadBalanced("n", names);
        long churnNanos = System.nanoTime() - churnStarted;
        long used = settledUsedHeap();
        long growth = used - baseline;
        System.out.println("CHURN " + transport() + " load-balance names=" + names + " churn-ms="
                + TimeUnit.NANOSECONDS.toMillis(churnNanos) + " rate-per-s=" + rate(names, churnNanos) + " test-ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " baseline=" + mib(baseline) + " peak="
                + mib(peak) + " final=" + mib(used) + " growth=" + kib(growth));
        assertTrue(growth <= HEAP_SLACK_BYTES, "with every registry closed, used heap is still " + kib(growth)
                + " above the baseline after Filters.loadBalance() picked among two instances of each of " + names
                + " distinct names; allowed " + kib(HEAP_SLACK_BYTES) + " (state per name outlives the registry)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingTheOnlySubscriptionOfANameReleasesIt() {
        Registry registry = registry(churnOptions().build());
        Pubsub goPeer = raw();
        // A name observed throughout: its message, sent after the probe on the same connection, shows that the
        // probe had its chance to arrive (one connection's messages reach a subscriber in publish order).
        EventRecorder markerEvents = new EventRecorder();
        registry.observe("marker", markerEvents);
        Await.until("stats().namesTracked() counts the observed name 'marker'", () -> registry.stats().namesTracked() == 1);

        EventRecorder events = new EventRecorder();
        Subscription subscription = registry.observe("released", events);
        Await.until("stats().namesTracked() counts 'released' too", () -> registry.stats().namesTracked() == 2);
        goPeer.publish(topic("register", "released"), goRegister("released", "127.0.0.1:1", 60_000, ""));
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        goPeer.publish(topic("unregister", "released"), goUnregister("released", "127.0.0.1:1"));
        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        Await.until("the cache empty again", () -> registry.stats().cacheSize() == 0);

        subscription.close();
        long closed = System.nanoTime();
        Await.until("'released' forgotten once idle for " + NAME_IDLE_TIME.toMillis() + " ms (namesTracked back to 1,"
                + " observedNames without it)", () -> registry.stats().namesTracked() == 1
                && !registry.observedNames().contains("released"));
        long releasedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);

        // The unsubscribe is undone on the registry's I/O thread, a moment after the name is forgotten; meanwhile a
        // message of the name may still arrive, and must be ignored. Each probe sends one message of the released
        // name, then one of the marker on the same connection: once a probe brings in only the marker's, the broker
        // has stopped delivering the released name.
        int eventsBefore = events.events().size();
        int[] markers = {0};
        long[] received = {0};
        Await.until("the released name unsubscribed: a probe brings only the marker's message", () -> {
            long messagesIn = registry.stats().messagesIn();
            String marker = "127.0.0.1:" + (9 + markers[0]++);
            goPeer.publish(topic("register", "released"), goRegister("released", "127.0.0.1:2", 60_000, ""));
            goPeer.publish(topic("register", "marker"), goRegister("marker", marker, 60_000, ""));
            markerEvents.await(ServiceEvent.Type.REGISTERED, marker);
            received[0] = registry.stats().messagesIn() - messagesIn;
            assertEquals(markers[0], registry.stats().cacheSize(), "only the markers may be cached: a message of the"
                    + " released name must never reach the cache");
            return received[0] == 1;
        });
        long unsubscribedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);
        System.out.println("CHURN " + transport() + " released-after-ms=" + releasedMillis + " (idle time "
                + NAME_IDLE_TIME.toMillis() + " ms) unsubscribed-after-ms=" + unsubscribedMillis + " probes=" + markers[0]);

        assertEquals(eventsBefore, events.events().size(), "the closed listener got an event");
        assertFalse(registry.observedNames().contains("released"), "observedNames() holds the released name again");
    }

    /** Registers, looks up and unregisters distinct names in batches, sampling how many names the observer tracks. */
    private static final class Churn {
        final Registry owner;
        final Registry observer;
        long trackedWhileLive;

        Churn(Registry owner, Registry observer) {
            this.owner = owner;
            this.observer = observer;
        }

        /** Churns {@code count} names prefixed {@code tag}; returns the highest used heap seen (without GC). */
        long run(String tag, int count) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long peak = 0;
            List<Registration> live = new ArrayList<>(BATCH);
            for (int first = 0; first < count; first += BATCH) {
                int size = Math.min(BATCH, count - first);
                for (int i = 0; i < size; i++) {
                    String name = tag + (first + i);
                    live.add(owner.register(service(name, "127.0.0.1:" + (1 + (first + i) % 60_000))));
                }
                for (int i = 0; i < size; i++) {
                    String name = tag + (first + i);
                    assertEquals(name, observer.getService(name).name());
                }
                if (size == BATCH) {
                    // every name of the batch has a cached instance now: each is tracked
                    trackedWhileLive = Math.max(trackedWhileLive, observer.stats().namesTracked());
                }
                live.forEach(Registration::unregister);
                live.clear();
                Await.until("the observer's cache empty after unregistering a batch of " + tag,
                        () -> observer.stats().cacheSize() == 0);
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            }
            return peak;
        }

        /** Waits until both registries hold (near) no name and no instance. */
        void awaitIdle() {
            Await.until("both registries forget the churned names (namesTracked <= " + NEAR_ZERO_NAMES + ") and hold"
                    + " no instance", () -> observer.stats().namesTracked() <= NEAR_ZERO_NAMES
                    && owner.stats().namesTracked() <= NEAR_ZERO_NAMES && observer.stats().cacheSize() == 0
                    && owner.stats().cacheSize() == 0);
        }
    }

    /**
     * Registers two instances of each of {@code count} names, picks one with {@link Filters#loadBalance()} on a
     * second registry once that has both cached, and unregisters them. The two registries are replaced by new
     * ones every {@value #LOAD_BALANCE_SEGMENT} names and closed (the test keeps no reference to them), so what
     * can outlive them is state kept beyond a registry.
     *
     * @return the highest used heap seen along the way (without GC)
     */
    private long runLoadBalanced(String tag, int count) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long peak = 0;
        for (int segment = 0; segment < count; segment += LOAD_BALANCE_SEGMENT) {
            int segmentEnd = Math.min(count, segment + LOAD_BALANCE_SEGMENT);
            try (Registry owner = Registry.connect(newPubsub(), churnOptions().build());
                 Registry client = Registry.connect(newPubsub(), churnOptions().build())) {
                client.observeAll(event -> { });
                List<Registration> live = new ArrayList<>(2 * BATCH);
                for (int first = segment; first < segmentEnd; first += BATCH) {
                    int size = Math.min(BATCH, segmentEnd - first);
                    for (int i = 0; i < size; i++) {
                        String name = tag + (first + i);
                        live.add(owner.register(service(name, "127.0.0.1:1")));
                        live.add(owner.register(service(name, "127.0.0.1:2")));
                    }
                    Await.until("both instances of " + size + " names cached", () -> client.stats().cacheSize() == 2L * size);
                    for (int i = 0; i < size; i++) {
                        String name = tag + (first + i);
                        String picked = client.getService(name, Filters.loadBalance()).address();
                        assertTrue(picked.equals("127.0.0.1:1") || picked.equals("127.0.0.1:2"), picked);
                    }
                    live.forEach(Registration::unregister);
                    live.clear();
                    Await.until("the client's cache empty after a batch", () -> client.stats().cacheSize() == 0);
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                }
            }
        }
        return peak;
    }

    /**
     * The used heap once garbage collection frees no more: full GCs ({@code System.gc()}) until the used heap
     * stops falling (by less than 64 KiB from one to the next), the lowest figure seen.
     */
    private static long settledUsedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            lowest = Math.min(lowest, used);
            if (round >= 2 && used > previous - 64 * 1024) {
                break;
            }
            previous = used;
        }
        return lowest;
    }

    private static byte[] goUnregister(String name, String address) {
        return ("{\"add\":\"" + address + "\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static long rate(int names, long nanos) {
        return nanos <= 0 ? names : names * 1_000_000_000L / nanos;
    }

    private static String mib(long bytes) {
        return String.format("%.1fMiB", bytes / (1024.0 * 1024.0));
    }

    private static String kib(long bytes) {
        return (bytes / 1024) + "KiB";
    }

    private String transport() {
        return getClass().getSimpleName();
    }
}
