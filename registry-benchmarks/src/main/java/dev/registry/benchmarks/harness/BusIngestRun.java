package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.memory.InMemoryPubsub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest through the real in-memory transport: a raw {@link InMemoryPubsub} publishes Go-shaped heartbeats of
 * 1,000 cached instances (10 names x 100, register interval 1 s) as fast as the registry takes them, and the
 * registry decodes and applies them on its one delivery thread. Unlike the JMH {@code IngestBenchmark}, this
 * includes the bus (the payload copy and the hand-over to the delivery thread) and every other thread of the
 * registry: besides the messages per second, it counts the CPU time of all the library's threads (delivery,
 * and the scheduler's due-check sweep, which revisits every refreshed instance once its old due time has
 * passed), which gives messages per CPU-second: what one core sustains. At most {@link #IN_FLIGHT} messages
 * are queued, so the figure is the registry's rate, not the queue's.
 */
final class BusIngestRun {

    private static final Logger LOG = LoggerFactory.getLogger(BusIngestRun.class);
    private static final int NAMES = 10;
    private static final int PER_NAME = 100;
    private static final int IN_FLIGHT = 20_000;
    /** A short interval, so the due-check sweep's share of the work is in the figure from the first seconds. */
    private static final long INTERVAL_MILLIS = 1_000;
    private static final String MAIN_TOPIC = "bench";

    /** Measures {@code messages} heartbeats after {@code warmup} unmeasured ones. */
    BusIngestResult run(int warmup, int messages) {
        LOG.info("ingest through InMemoryPubsub: {} heartbeats", messages);
        String bus = "ingest-" + System.nanoTime();
        try (Registry registry = Registry.connect(InMemoryPubsub.connect(bus), RegistryOptions.builder()
                .mainTopic(MAIN_TOPIC).lookupTimeout(Duration.ofMillis(10)).unregisterOnShutdown(false).build());
             InMemoryPubsub publisher = InMemoryPubsub.connect(bus)) {
            List<CompletableFuture<?>> priming = new ArrayList<>();
            String[] topics = new String[NAMES * PER_NAME];
            byte[][] payloads = new byte[NAMES * PER_NAME][];
            for (int n = 0; n < NAMES; n++) {
                String name = GoMessages.serviceName(n);
                priming.add(registry.getServicesAsync(name));
                for (int i = 0; i < PER_NAME; i++) {
                    topics[n * PER_NAME + i] = MAIN_TOPIC + ".register." + name;
                    payloads[n * PER_NAME + i] = GoMessages.register(name, GoMessages.address(n * PER_NAME + i),
                            System.currentTimeMillis(), INTERVAL_MILLIS);
                }
            }
            CompletableFuture.allOf(priming.toArray(CompletableFuture[]::new)).join();
            publish(registry, publisher, topics, payloads, warmup);
            long libraryCpu = LinuxThreads.byKind().get("library").cpuNanos();
            long start = System.nanoTime();
            publish(registry, publisher, topics, payloads, messages);
            long elapsed = System.nanoTime() - start;
            libraryCpu = LinuxThreads.byKind().get("library").cpuNanos() - libraryCpu;
            if (registry.stats().cacheSize() != NAMES * PER_NAME || registry.stats().droppedTotal() != 0) {
                throw new IllegalStateException("ingest went wrong: " + registry.stats());
            }
            return new BusIngestResult(messages * 1e9 / elapsed, messages * 1e9 / libraryCpu);
        }
    }

    /** Publishes {@code count} heartbeats and returns once the registry has taken every one. */
    private static void publish(Registry registry, InMemoryPubsub publisher, String[] topics, byte[][] payloads, int count) {
        long target = registry.stats().messagesIn() + count;
        long taken = registry.stats().messagesIn();
        long sent = taken;
        int next = 0;
        while (sent < target) {
            if (sent - taken >= IN_FLIGHT) {
                // park rather than spin: on a small machine a spinning publisher takes the registry's core
                LockSupport.parkNanos(50_000);
                taken = registry.stats().messagesIn();
                continue;
            }
            publisher.publish(topics[next], payloads[next]);
            sent++;
            if (++next == payloads.length) {
                next = 0;
            }
            if ((sent & 1023) == 0) {
                taken = registry.stats().messagesIn();
            }
        }
        while (registry.stats().messagesIn() < target) {
            LockSupport.parkNanos(50_000);
        }
    }
}
