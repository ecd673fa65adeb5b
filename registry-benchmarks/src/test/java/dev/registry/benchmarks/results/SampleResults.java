package dev.registry.benchmarks.results;

import dev.registry.benchmarks.results.Results.ColdLookup;
import dev.registry.benchmarks.results.Results.FailureDetection;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.GoFigures;
import dev.registry.benchmarks.results.Results.HeartbeatCost;
import dev.registry.benchmarks.results.Results.Ingest;
import dev.registry.benchmarks.results.Results.JmhScore;
import dev.registry.benchmarks.results.Results.Machine;
import dev.registry.benchmarks.results.Results.Observer;
import dev.registry.benchmarks.results.Results.Propagation;
import dev.registry.benchmarks.results.Results.Run;
import dev.registry.benchmarks.results.Results.HeapClass;
import dev.registry.benchmarks.results.Results.Scale;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Results of a made-up run with every section, for the renderer's and the JSON's tests. */
public final class SampleResults {

    private SampleResults() {
    }

    /** A distribution whose every sample is {@code micros}. */
    public static Latency constant(long micros) {
        Histogram histogram = new Histogram(Latency.SIGNIFICANT_DIGITS);
        histogram.recordValueWithCount(micros * 1_000, 100);
        return Latency.of(histogram);
    }

    /** Every section filled; the Go section when {@code withGo}. */
    public static Results of(boolean withGo) {
        Run run = new Run("0123456789abcdef", false, "2026-11-27T18:00:00Z", 7, 600, false, "JMH 3 forks");
        Machine machine = new Machine("Xeon", 2, 23.5, "Linux", "OpenJDK 17", "nats-server: v2.9.10", "Redis 7.0.15",
                "jnats 2.26.2", "0.5 0.5 0.5", "1.0 1.0 1.0");
        List<JmhScore> jmh = List.of(
                new JmhScore("RegistryBenchmark.hot", Map.of("shape", "1x16", "target", "one"), 1, 25, 1, "ns/op", 0.0),
                new JmhScore("RegistryBenchmark.hot", Map.of("shape", "1x16", "target", "one"), 2, 45, 2, "ns/op", 0.0),
                new JmhScore("RegistryBenchmark.lookup", Map.of("shape", "1x16", "target", "one"), 1, 40, 1, "ns/op", 0),
                new JmhScore("RegistryBenchmark.lookup", Map.of("shape", "1x16", "target", "all"), 1, 41, 1, "ns/op", 0),
                new JmhScore("RegistryBenchmark.lookup", Map.of("shape", "1000x100", "target", "one"), 1, 44, 1, "ns/op", 0),
                new JmhScore("RegistryBenchmark.lookup", Map.of("shape", "1000x100", "target", "all"), 1, 80, 0, "ns/op", 0),
                new JmhScore("RegistryBenchmark.floor", Map.of("shape", "1000x100", "target", "one"), 1, 4, 0, "ns/op", 0),
                new JmhScore("RegistryBenchmark.floor", Map.of("shape", "1000x100", "target", "all"), 1, 6, 0, "ns/op", 0),
                new JmhScore("RegistryBenchmark.heartbeat", Map.of("shape", "10x100", "target", "one"), 1, 600_000, 10_000, "ops/s", 250));
        Propagation nats = new Propagation("NATS", constant(100), constant(110), constant(120), constant(105), constant(140),
                constant(102), constant(130), constant(150), constant(115));
        Propagation redis = new Propagation("Redis", constant(200), constant(220), constant(240), constant(210), constant(300),
                constant(205), constant(260), constant(310), constant(230));
        Fleet fleet = new Fleet(20, 10_000, 500, 1_000, 20, 10_000, 11_000, 400_000, 250_000,
                List.of(new Observer("all", 500, 10_000, 10_000, 20, 30e6, 2.5),
                        new Observer("lookup", 50, 1_000, 1_000, 4, 5e6, 2.4)), constant(300), constant(150));
        GoFigures go = withGo ? new GoFigures("go1.19.8", "eddieraa/registry v0.4.10", "1.22.1", 409, 288, 5, 240, 600, 250,
                410, 900, 301, 800, 515, 861, 2_000, 161_000, 500_000, 826, 730, 40_000, 39_900, 60, 0, 1.5, 1.7, 80) : null;
        return new Results(run, machine, jmh, List.of(nats, redis), new ColdLookup(constant(300), constant(400), constant(330), constant(360)),
                new FailureDetection(50, 1_000, 1.5, 200, constant(1_540_000), constant(1_100_000)),
                new HeartbeatCost(10_000, 1_000, 20, 4, 0.8, 10_500, 2_400_000), new Ingest(1_000, 200_000, 300_000),
                new Scale(100_000, 480, 1.0, 300, 150, List.of(new HeapClass("[B", 3.3, 150),
                        new HeapClass("dev.registry.Service", 1, 48), new HeapClass("other", 0, 12.5))), fleet, go);
    }
}
