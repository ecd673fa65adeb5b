package dev.registry.benchmarks.harness;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.ColdLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getService} on registry B of a name registered on registry A but never seen by B (B subscribes, pings,
 * A answers), over NATS, next to the raw NATS request/reply round trip measured in the same rounds. Not
 * thread-safe.
 */
final class ColdLookupRun {

    private static final Logger LOG = LoggerFactory.getLogger(ColdLookupRun.class);

    private final String url;

    ColdLookupRun(String url) {
        this.url = url;
    }

    ColdLookup run(int warmup, int samples) {
        LOG.info("cold lookups over NATS: {} warm-up rounds, {} measured", warmup, samples);
        String mainTopic = HarnessRegistries.newMainTopic();
        LatencyRecorder raw = new LatencyRecorder();
        LatencyRecorder cold = new LatencyRecorder();
        try (NatsRequestReplyProbe probe = new NatsRequestReplyProbe(url, GoMessages.register("cold", "10.0.0.1:8080"));
             Registry a = HarnessRegistries.connect(url, HarnessRegistries.options(mainTopic).build());
             Registry b = HarnessRegistries.connect(url, HarnessRegistries.options(mainTopic).build())) {
            for (int i = 0; i < warmup + samples; i++) {
                a.register(HarnessRegistries.service("cold-" + i, "10.2.0.1:8080"));
            }
            for (int i = 0; i < warmup + samples; i++) {
                Pause.settle();
                long rawNanos = probe.sample();
                Pause.settle();
                long start = System.nanoTime();
                b.getService("cold-" + i, Filters.loadBalance());
                long coldNanos = System.nanoTime() - start;
                if (i >= warmup) {
                    raw.add(rawNanos);
                    cold.add(coldNanos);
                }
            }
        }
        return new ColdLookup(raw.latency(), cold.latency());
    }
}
