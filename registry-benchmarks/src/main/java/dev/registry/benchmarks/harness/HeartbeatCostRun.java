package dev.registry.benchmarks.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of heartbeating: a child JVM ({@link HeartbeatOwner}) owning 1,000 registrations at a 1 s
 * interval on NATS, and the same child owning none (what an idle JVM with a NATS connection costs), one
 * after the other, each measured over the same window after the same warm-up. The warm-up is long: at 1,000
 * beats a second the JIT compiler keeps compiling the heartbeat path for half a minute or so, and the figure
 * is the cost of heartbeating, not of compiling it; the window's CPU by kind of thread shows what is left. Child JVMs so that the figure
 * is a whole process's CPU time, as {@code top} would show it, and nothing of the harness's.
 */
final class HeartbeatCostRun {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatCostRun.class);
    static final int REGISTRATIONS = 1_000;
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String url;

    HeartbeatCostRun(String url) {
        this.url = url;
    }

    HeartbeatCostResult run(Duration warmup, Duration window) {
        LOG.info("heartbeat cost over NATS: {} registrations vs none, {} s window", REGISTRATIONS, window.toSeconds());
        Map<String, Long> idle = measure(0, warmup, window);
        Map<String, Long> loaded = measure(REGISTRATIONS, warmup, window);
        return new HeartbeatCostResult(REGISTRATIONS, INTERVAL, warmup, window(loaded), window(idle));
    }

    private static HeartbeatCostResult.Window window(Map<String, Long> values) {
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> wakeUps = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.endsWith("CpuNanos")) {
                cpu.put(key.substring(0, key.length() - "CpuNanos".length()), value);
            } else if (key.endsWith("WakeUps")) {
                wakeUps.put(key.substring(0, key.length() - "WakeUps".length()), value);
            }
        });
        return new HeartbeatCostResult.Window(values.get("wallNanos"), values.get("cpuNanos"), values.get("outBytes"),
                values.get("outMessages"), cpu, wakeUps);
    }

    private Map<String, Long> measure(int registrations, Duration warmup, Duration window) {
        try (ChildJvm child = ChildJvm.start(HeartbeatOwner.class, List.of(), List.of(url,
                String.valueOf(registrations), String.valueOf(INTERVAL.toMillis()),
                String.valueOf(warmup.toSeconds()), String.valueOf(window.toSeconds())))) {
            Map<String, Long> values = new HashMap<>();
            for (String pair : child.awaitLine("result").split(" ")) {
                String[] keyValue = pair.split("=");
                values.put(keyValue[0], Long.parseLong(keyValue[1]));
            }
            return values;
        }
    }
}
