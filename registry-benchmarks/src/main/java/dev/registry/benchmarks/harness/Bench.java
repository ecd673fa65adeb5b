package dev.registry.benchmarks.harness;

import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.benchmarks.results.Latency;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * What the end-to-end runs share: registries on a main topic of their own, heartbeats an hour apart (so no
 * heartbeat crosses a measurement) unless a run sets its interval, a lookup timeout long enough that a slow sample
 * is measured rather than failed, services with every field a real deployment sets (so messages have a realistic
 * size); raw jnats connections with jnats' defaults; latency histograms; and the harness's deliberate waits (the
 * 1 ms pause before every latency sample, so the previous sample's work has ended and every thread on the path is
 * woken from sleep, as a registry change finds them in production). Stateless apart from the topic counter.
 */
final class Bench {

    /** A message that has not arrived in this long is lost: the run stops rather than measure nonsense. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Bench() {
    }

    /** A main topic no other run uses. */
    static String newMainTopic() {
        return "bench" + ProcessHandle.current().pid() + "r" + RUNS.incrementAndGet();
    }

    static RegistryOptions options(String mainTopic) {
        return RegistryOptions.builder().mainTopic(mainTopic).registerInterval(Duration.ofHours(1))
                .lookupTimeout(Duration.ofSeconds(1)).unregisterOnShutdown(false).build();
    }

    static Service service(String name, String address) {
        return Service.builder(name).address(address).network("tcp").url("http://" + address + "/api")
                .version("1.4.2").host("host-bench").kv("zone", "eu-1").build();
    }

    /** A histogram of nanoseconds, turned into a {@link Latency} with {@link Latency#of}. */
    static Histogram histogram() {
        return new Histogram(Latency.SIGNIFICANT_DIGITS);
    }

    static Connection connect(String url) {
        try {
            return Nats.connect(new Options.Builder().server(url).build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + url, e);
        }
    }

    static void close(Connection... connections) {
        try {
            for (Connection connection : connections) {
                connection.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pause before every latency sample. */
    static void settle() {
        LockSupport.parkNanos(1_000_000);
    }

    /** A warm-up or a window of load: not a wait for a condition (those are awaits with a deadline). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Used heap after a few full collections: finalizable and weakly reachable garbage needs more than one. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            pause(Duration.ofMillis(50));
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
