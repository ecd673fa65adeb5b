package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results.HeartbeatCost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of heartbeating: a child JVM ({@link ChildProcess} {@code owner}, default flags) owning 10,000 registrations
 * (1,000 names x 10) at a 1 s interval on NATS, and the same child owning none (an idle JVM with a NATS
 * connection, the baseline), one after the other, each measured over the same window after the same warm-up
 * (the JIT compiler works on the heartbeat path for the first half minute or so; the figure is the cost of
 * heartbeating, not of compiling it). A child so that the figure is a whole process's CPU time, as {@code top}
 * shows it. Not thread-safe.
 */
final class HeartbeatCostRun {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatCostRun.class);
    private static final int NAMES = 1_000;
    private static final int PER_NAME = 10;
    private static final long INTERVAL_MILLIS = 1_000;

    private HeartbeatCostRun() {
    }

    static HeartbeatCost run(String url, Duration warmup, Duration window) {
        LOG.info("heartbeat cost over NATS: {} registrations vs none, {} s window", NAMES * PER_NAME, window.toSeconds());
        Map<String, Double> idle = measure(url, 0, warmup, window);
        Map<String, Double> loaded = measure(url, NAMES, warmup, window);
        double wall = loaded.get("wallNanos");
        return new HeartbeatCost(NAMES * PER_NAME, INTERVAL_MILLIS, wall / 1e9, 100 * loaded.get("cpuNanos") / wall,
                100 * idle.get("cpuNanos") / idle.get("wallNanos"), loaded.get("outMessages") * 1e9 / wall,
                loaded.get("outBytes") * 1e9 / wall);
    }

    private static Map<String, Double> measure(String url, int names, Duration warmup, Duration window) {
        try (ChildJvm child = ChildJvm.start(List.of(), List.of("owner", url, Bench.newMainTopic(),
                "beat", String.valueOf(names), String.valueOf(PER_NAME), String.valueOf(INTERVAL_MILLIS), "0"))) {
            child.awaitLine("registered", Duration.ofSeconds(60));
            Bench.pause(warmup);
            child.send("measure " + window.toSeconds());
            return child.awaitResult(window.plusSeconds(30));
        }
    }
}
