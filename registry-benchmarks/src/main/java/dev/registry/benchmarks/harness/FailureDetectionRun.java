package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.ServiceEvent.Type;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long after a service process dies its instance leaves everyone's cache, over NATS. Each sample is a
 * child JVM ({@link InstanceProcess}) that registers one instance with a 1 s register interval and is then
 * SIGKILLed ({@code Process.destroyForcibly}), so its heartbeats stop with no unregister. Registry B observes
 * the name with the default due factor (1.5) and due check period (200 ms) and stamps the {@code EXPIRED}
 * event. A raw NATS subscriber on the same topic stamps every heartbeat as it arrives, which gives the time
 * of the last heartbeat B received.
 *
 * <p>Each {@code EXPIRED} is also placed on B's clock ({@code System.nanoTime()}, B's ticker, in this JVM):
 * how long after the last multiple of 2^30 ns it came. Caffeine's timer wheel, which B's cache expires
 * instances with, turns in ticks of 2^30 ns; expiries bunched just after a tick, whatever the due time,
 * show that the wheel and not the due time decides when an instance goes.
 *
 * <p>Children start in batches and are killed a few hundred milliseconds apart, at random offsets, so the
 * samples fall at every phase of B's sweep; a batch's children are all up and beating before the first kill.
 */
final class FailureDetectionRun {

    private static final Logger LOG = LoggerFactory.getLogger(FailureDetectionRun.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final String NAME = "fd";
    private static final int BATCH = 10;
    /** Small, fast-starting child JVMs: what they run is one registration and its heartbeats. */
    private static final List<String> CHILD_JVM = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String url;

    FailureDetectionRun(String url) {
        this.url = url;
    }

    FailureDetectionResult run(int samples) {
        LOG.info("failure detection over NATS: {} killed processes, {} at a time", samples, BATCH);
        String mainTopic = HarnessRegistries.newMainTopic();
        RegistryOptions observerOptions = HarnessRegistries.options(mainTopic).build();
        LatencyRecorder sinceLastBeat = new LatencyRecorder("last heartbeat -> EXPIRED");
        LatencyRecorder sinceKill = new LatencyRecorder("SIGKILL -> EXPIRED");
        LatencyRecorder afterTick = new LatencyRecorder("EXPIRED after the last 2^30 ns tick");
        Map<String, Long> lastBeat = new ConcurrentHashMap<>();
        Connection beats = NatsConnections.open(url);
        try (Registry b = HarnessRegistries.connect(url, observerOptions)) {
            beats.createDispatcher(message -> lastBeat.put(addressOf(message.getData()), System.nanoTime()))
                    .subscribe(mainTopic + ".register." + NAME);
            EventClock clock = new EventClock();
            b.observe(NAME, clock);
            for (int first = 0; first < samples; first += BATCH) {
                int size = Math.min(BATCH, samples - first);
                List<String> addresses = new ArrayList<>();
                List<ChildJvm> children = new ArrayList<>();
                try {
                    for (int i = 0; i < size; i++) {
                        String address = "10.3.0." + (first + i) + ":8080";
                        addresses.add(address);
                        children.add(ChildJvm.start(InstanceProcess.class, CHILD_JVM, List.of(url, mainTopic, NAME,
                                address, String.valueOf(INTERVAL.toMillis()))));
                    }
                    for (int i = 0; i < size; i++) {
                        children.get(i).awaitLine("registered");
                        clock.await(Type.REGISTERED, NAME, addresses.get(i), Duration.ofSeconds(30));
                    }
                    // every child beats a few times, and its JVM start-up is over, before the first kill
                    pause(INTERVAL.multipliedBy(3));
                    long[] killedAt = new long[size];
                    for (int i = 0; i < size; i++) {
                        killedAt[i] = System.nanoTime();
                        children.get(i).kill();
                        pause(Duration.ofMillis(150 + ThreadLocalRandom.current().nextInt(200)));
                    }
                    for (int i = 0; i < size; i++) {
                        long expired = clock.await(Type.EXPIRED, NAME, addresses.get(i), Duration.ofSeconds(30));
                        sinceLastBeat.add(expired - lastBeat.get(addresses.get(i)));
                        sinceKill.add(expired - killedAt[i]);
                        afterTick.add(expired & (FailureDetectionResult.TICK_NANOS - 1));
                    }
                } finally {
                    children.forEach(ChildJvm::close);
                }
                LOG.info("failure detection: {} of {} samples", first + size, samples);
            }
        } finally {
            NatsConnections.close(beats);
        }
        return new FailureDetectionResult(INTERVAL, observerOptions.dueFactor(), observerOptions.dueCheckPeriod(),
                sinceLastBeat.samples(), sinceKill.samples(), afterTick.samples());
    }

    /** The {@code add} field of a register message, found without a JSON parser (the harness's own messages). */
    private static String addressOf(byte[] message) {
        String json = new String(message, StandardCharsets.UTF_8);
        int start = json.indexOf("\"add\":\"") + 7;
        return json.substring(start, json.indexOf('"', start));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
