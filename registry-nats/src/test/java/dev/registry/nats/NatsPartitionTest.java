package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.registry.tck.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partitionable cluster does what the tests of partitions rely on: its routes run only through its
 * proxies, and cutting them splits the cluster while every node keeps serving its own clients.
 */
class NatsPartitionTest {

    /** Between two probes of a link that is coming back: often enough to time it, few enough to count. */
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);

    private NatsPartitionableCluster cluster;
    private String subject;

    @BeforeEach
    void startCluster() {
        cluster = NatsPartitionableCluster.start(3);
        subject = "p" + UUID.randomUUID().toString().replace("-", "") + ".register.partitioned";
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void everyRouteRunsThroughTheProxies() {
        for (int node = 0; node < cluster.size(); node++) {
            assertEquals(cluster.size() - 1, cluster.routes(node).size(), "routes of node " + node + ": " + cluster.routes(node));
        }
        assertEquals(List.of(), cluster.unproxiedRoutes());
        System.out.println("PARTITION gossiped-dials-refused=" + cluster.gossipedDialsRefused());
    }

    @Test
    void anIsolatedNodeServesItsClientsButNoMessageCrossesUntilHealed() {
        try (NatsPubsub onIsolated = NatsPubsub.connect(cluster.url(1));
             NatsPubsub onMajority = NatsPubsub.connect(cluster.url(0));
             NatsPubsub onOther = NatsPubsub.connect(cluster.url(2))) {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            onMajority.subscribe(subject, (topic, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)));
            awaitDelivery(onIsolated, "before", received);

            cluster.isolate(1);
            onIsolated.publish(subject, "during".getBytes(StandardCharsets.UTF_8));

            // node 1 has the message (its PONG follows its handling of the PUB) and no route to send it on
            assertDoesNotThrow(() -> onIsolated.connection().flush(Duration.ofSeconds(1)), "node 1 serves its client");
            assertDoesNotThrow(() -> onMajority.connection().flush(Duration.ofSeconds(1)), "node 0 serves its client");
            awaitDelivery(onOther, "majority", received); // nodes 0 and 2 still route to each other

            long healedAt = System.nanoTime();
            cluster.heal();
            long deliveredMillis = awaitDelivery(onIsolated, "after", received);
            cluster.awaitRouted();
            long routedMillis = Duration.ofNanos(System.nanoTime() - healedAt).toMillis();
            System.out.println("PARTITION heal-to-first-message-ms=" + deliveredMillis + " heal-to-fully-routed-ms=" + routedMillis);

            // no message is kept for a route that is down: what node 1 had during the partition is gone for good
            assertFalse(received.contains("during"), received.toString());
        }
    }

    /**
     * Publishes numbered {@code label-<n>} probes from {@code publisher} until one reaches {@code received},
     * since a probe sent before the subscriber's interest crossed the route is dropped, and returns how many
     * milliseconds that took.
     */
    private long awaitDelivery(NatsPubsub publisher, String label, Queue<String> received) {
        long start = System.nanoTime();
        AtomicLong lastProbe = new AtomicLong(start - PROBE_EVERY.toNanos());
        AtomicInteger probes = new AtomicInteger();
        Await.until("a " + label + " probe delivered", () -> {
            if (received.stream().anyMatch(message -> message.startsWith(label + "-"))) {
                return true;
            }
            if (System.nanoTime() - lastProbe.get() >= PROBE_EVERY.toNanos()) {
                lastProbe.set(System.nanoTime());
                publisher.publish(subject, (label + "-" + probes.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            }
            return false;
        });
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
