package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.tck.Await;
import dev.registry.tck.EventRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The expiry brake against a real partition: a 3-node NATS cluster whose routes to one node are cut while every
 * node keeps serving its own clients. An observer on node 0 stops hearing the hosts on node 1; its bus answers
 * round trips, so once more than half of the hosts are silent it looks like a partition and their expiry is
 * held, instead of the far side vanishing from every caller's cache; after the heal they are heard again. A host
 * that really goes silent alone expires on time.
 */
@Timeout(120)
class NatsPartitionBrakeTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final String NAME = "partitioned";
    private static final int FAR_HOSTS = 5;
    private static final int NEAR_HOSTS = 3;

    private final List<Registry> registries = new ArrayList<>();
    private NatsPartitionableCluster cluster;
    private String prefix;

    @BeforeEach
    void startCluster() {
        cluster = NatsPartitionableCluster.start(3);
        prefix = "b" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void stop() {
        registries.forEach(Registry::close);
        cluster.close();
    }

    @Test
    void aPartitionedMajorityOfHostsIsHeldAndHealsWithoutExpiring() {
        Registry observer = registry(0, "observer");
        EventRecorder events = new EventRecorder();
        observer.observe(NAME, events);
        // Connected first, registered together: hosts behind one partition usually beat at spread phases, and a
        // host that falls due while none of the others has missed a beat yet expires as an ordinary failure. A
        // fleet registered at once keeps its phases close, which is what this test holds the brake to.
        List<Registry> far = new ArrayList<>();
        for (int host = 0; host < FAR_HOSTS; host++) {
            far.add(registry(1, "far-" + host));
        }
        for (int host = 0; host < FAR_HOSTS; host++) {
            far.get(host).register(Service.builder(NAME).address("10.1.0." + host + ":80").build());
        }
        for (int host = 0; host < NEAR_HOSTS; host++) {
            registry(2, "near-" + host).register(Service.builder(NAME).address("10.2.0." + host + ":80").build());
        }
        int all = FAR_HOSTS + NEAR_HOSTS;
        Await.until("every instance seen", () -> observer.getServices(NAME).size() == all);
        // The cut falls right after a round of the far hosts' heartbeats. A cut in the middle of a round splits the
        // far hosts into those last heard just before it and those last heard one interval earlier: one of the
        // latter falls due while no other host has missed a beat yet, and expires as an ordinary failure before
        // the wave can be seen (the limit the README states). This test holds the brake to the wave it can see.
        Map<String, Long> lastBeat = new ConcurrentHashMap<>();
        NatsPubsub beats = NatsPubsub.connect(cluster.url(0));
        beats.subscribe(prefix + ".register." + NAME, (topic, payload) -> {
            String message = new String(payload, StandardCharsets.UTF_8);
            if (message.contains("\"h\":\"far-")) {
                lastBeat.put(message.substring(message.indexOf("\"add\":\"") + 7, message.indexOf("\",", message.indexOf("\"add\":\"") + 7)),
                        System.nanoTime());
            }
        });
        try {
            Await.until("a round of far heartbeats just passed", () -> {
                if (lastBeat.size() < FAR_HOSTS) {
                    return false;
                }
                long now = System.nanoTime();
                long oldest = lastBeat.values().stream().mapToLong(Long::longValue).min().orElseThrow();
                return now - oldest < INTERVAL.toNanos() / 4;
            });
        } finally {
            beats.close();
        }

        long cut = System.nanoTime();
        cluster.isolate(1);
        Await.until("the brake engages", () -> observer.stats().expiryBrakeEngagements() == 1);
        long engagedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cut);
        // The far hosts fall due one by one, at their own phases: the first ones are deferred while others fall
        // silent too, and once more than half of all hosts are silent every far host is held, for three due times.
        int expiredBeforeEngaging = events.of(ServiceEvent.Type.EXPIRED).size();
        Await.holdsFor(INTERVAL.multipliedBy(3), "nothing expires while the brake holds",
                () -> events.of(ServiceEvent.Type.EXPIRED).size() == expiredBeforeEngaging
                        && observer.getServices(NAME).size() == all - expiredBeforeEngaging);
        long held = observer.stats().expiriesHeld();
        assertEquals(0, expiredBeforeEngaging, "far hosts expired before the brake engaged");
        assertEquals(FAR_HOSTS, held);

        long healed = System.nanoTime();
        cluster.heal();
        Await.until("held instances heard again", () -> observer.stats().expiriesHeld() == 0);
        long releasedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healed);
        Await.until("every host back after the heal", () -> observer.getServices(NAME).size() == all);
        assertEquals(expiredBeforeEngaging, events.of(ServiceEvent.Type.EXPIRED).size(), "nothing held ever expired");
        System.out.println("PARTITION brake engaged-after-ms=" + engagedMillis + " expired-before=" + expiredBeforeEngaging
                + " held=" + held + " of far=" + FAR_HOSTS + " released-after-heal-ms=" + releasedMillis);
    }

    @Test
    void oneHostThatDiesExpiresOnTimeWhileTheBusAnswers() {
        Registry observer = registry(0, "observer");
        EventRecorder events = new EventRecorder();
        observer.observe(NAME, events);
        Registry dying = registry(1, "dying");
        for (int i = 0; i < 5; i++) {
            dying.register(Service.builder(NAME).address("10.3.0." + i + ":80").build());
        }
        registry(2, "healthy").register(Service.builder(NAME).address("10.4.0.1:80").build());
        Await.until("all six instances seen", () -> observer.getServices(NAME).size() == 6);

        long silenced = System.nanoTime();
        cluster.isolate(1);
        Await.until("the dead host's five instances expire", () -> events.of(ServiceEvent.Type.EXPIRED).size() == 5);
        long expiredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silenced);
        assertEquals(0, observer.stats().expiryBrakeEngagements());
        assertTrue(expiredMillis < 3_000, "expired " + expiredMillis + " ms after silence (due 750 ms)");
        System.out.println("PARTITION one-host expired-after-ms=" + expiredMillis);
    }

    private Registry registry(int node, String host) {
        RegistryOptions options = RegistryOptions.builder().mainTopic(prefix).hostName(host).registerInterval(INTERVAL)
                .dueCheckPeriod(Duration.ofMillis(50)).lookupTimeout(Duration.ofSeconds(1)).unregisterOnShutdown(false)
                .build();
        Registry registry = Registry.connect(NatsPubsub.connect(cluster.url(node)), options);
        registries.add(registry);
        return registry;
    }
}
