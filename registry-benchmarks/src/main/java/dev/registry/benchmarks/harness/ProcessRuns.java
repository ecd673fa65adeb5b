package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.ServiceEvent.Type;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results.FailureDetection;
import dev.registry.benchmarks.results.Results.HeartbeatCost;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs that need service processes of their own ({@link ChildProcess} {@code owner}), over NATS.
 *
 * <p>Failure detection ({@link #failureDetection}): how long after a service process dies its instance leaves an observer's cache, over NATS. Each sample is a
 * child JVM ({@link ChildProcess} {@code owner}, one registration, 1 s interval) SIGKILLed ({@code Process.destroyForcibly}),
 * so its heartbeats stop with no unregister. Registry B observes the name with the default due factor (1.5)
 * and due check period (200 ms) and stamps {@code EXPIRED}; a raw NATS subscriber on the same topic stamps every
 * heartbeat, which gives the last one B received. Children start ten at a time and are killed 150-350 ms apart
 * at random, so the samples fall at every phase of B's sweep.
 *
 * <p>Heartbeat cost ({@link #heartbeatCost}): a child JVM (default flags) owning 10,000 registrations (1,000 names x
 * 10) at a 1 s interval, and the same child owning none (an idle JVM with a NATS connection, the baseline), one
 * after the other, each measured over the same window after the same warm-up (the JIT compiler works on the
 * heartbeat path for the first half minute or so; the figure is the cost of heartbeating, not of compiling it). A
 * child so that the figure is a whole process's CPU time, as {@code top} shows it. Not thread-safe.
 */
final class ProcessRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRuns.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final String PREFIX = "fd";
    private static final String NAME = PREFIX + "-0";
    private static final int BATCH = 10;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    private static final int BEAT_NAMES = 1_000;
    private static final int BEAT_PER_NAME = 10;

    private ProcessRuns() {
    }

    static FailureDetection failureDetection(String url, int samples) {
        LOG.info("failure detection over NATS: {} killed processes, {} at a time", samples, BATCH);
        String mainTopic = Bench.newMainTopic();
        RegistryOptions observerOptions = Bench.options(mainTopic);
        Histogram sinceLastBeat = Bench.histogram();
        Histogram sinceKill = Bench.histogram();
        Map<String, Long> lastBeat = new ConcurrentHashMap<>();
        Connection beats = Bench.connect(url);
        try (Registry b = Registry.connect(url, observerOptions)) {
            beats.createDispatcher(message -> lastBeat.put(addressOf(message.getData()), System.nanoTime()))
                    .subscribe(mainTopic + ".register." + NAME);
            EventClock clock = new EventClock();
            b.observe(NAME, clock);
            for (int first = 0; first < samples; first += BATCH) {
                int size = Math.min(BATCH, samples - first);
                List<ChildProcess> children = new ArrayList<>();
                try {
                    for (int i = 0; i < size; i++) {
                        children.add(ChildProcess.start(ChildProcess.SMALL, List.of("owner", url, mainTopic, PREFIX,
                                "1", "1", String.valueOf(INTERVAL.toMillis()), String.valueOf(first + i))));
                    }
                    for (int i = 0; i < size; i++) {
                        children.get(i).awaitLine("registered", CHILD_TIMEOUT);
                        clock.await(Type.REGISTERED, NAME, GoMessages.address(first + i), CHILD_TIMEOUT);
                    }
                    // every child beats a few times, and its JVM start-up is over, before the first kill
                    Bench.pause(INTERVAL.multipliedBy(3));
                    long[] killedAt = new long[size];
                    for (int i = 0; i < size; i++) {
                        killedAt[i] = System.nanoTime();
                        children.get(i).kill();
                        Bench.pause(Duration.ofMillis(150 + ThreadLocalRandom.current().nextInt(200)));
                    }
                    for (int i = 0; i < size; i++) {
                        String address = GoMessages.address(first + i);
                        long expired = clock.await(Type.EXPIRED, NAME, address, CHILD_TIMEOUT);
                        sinceLastBeat.recordValue(expired - lastBeat.get(address));
                        sinceKill.recordValue(expired - killedAt[i]);
                    }
                } finally {
                    children.forEach(ChildProcess::close);
                }
                LOG.info("failure detection: {} of {} samples", first + size, samples);
            }
        } finally {
            Bench.close(beats);
        }
        return new FailureDetection(samples, INTERVAL.toMillis(), observerOptions.dueFactor(),
                observerOptions.dueCheckPeriod().toMillis(), Latency.of(sinceLastBeat), Latency.of(sinceKill));
    }

    /** The {@code add} field of a register message, found without a JSON parser (the harness's own messages). */
    static String addressOf(byte[] message) {
        String json = new String(message, StandardCharsets.ISO_8859_1);
        int start = json.indexOf("\"add\":\"") + 7;
        return json.substring(start, json.indexOf('"', start));
    }

    static HeartbeatCost heartbeatCost(String url, Duration warmup, Duration window) {
        LOG.info("heartbeat cost over NATS: {} registrations vs none, {} s window", BEAT_NAMES * BEAT_PER_NAME, window.toSeconds());
        Map<String, Double> idle = measure(url, 0, warmup, window);
        Map<String, Double> loaded = measure(url, BEAT_NAMES, warmup, window);
        double wall = loaded.get("wallNanos");
        return new HeartbeatCost(BEAT_NAMES * BEAT_PER_NAME, INTERVAL.toMillis(), wall / 1e9, 100 * loaded.get("cpuNanos") / wall,
                100 * idle.get("cpuNanos") / idle.get("wallNanos"), loaded.get("outMessages") * 1e9 / wall,
                loaded.get("outBytes") * 1e9 / wall);
    }

    private static Map<String, Double> measure(String url, int names, Duration warmup, Duration window) {
        try (ChildProcess child = ChildProcess.start(List.of(), List.of("owner", url, Bench.newMainTopic(),
                "beat", String.valueOf(names), String.valueOf(BEAT_PER_NAME), String.valueOf(INTERVAL.toMillis()), "0"))) {
            child.awaitLine("registered", Duration.ofSeconds(60));
            Bench.pause(warmup);
            child.send("measure " + window.toSeconds());
            return child.awaitResult(window.plusSeconds(30));
        }
    }
}
