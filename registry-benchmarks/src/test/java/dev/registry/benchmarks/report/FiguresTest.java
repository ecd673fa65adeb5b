package dev.registry.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.benchmarks.harness.LatencySamples;
import dev.registry.benchmarks.harness.PropagationResult;
import dev.registry.benchmarks.jmh.JmhScore;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void propagationIsJudgedAsARatioToTheRawBrokerMeasuredAlongside() {
        LatencySamples raw = constant("raw", 100_000);
        PropagationResult result = new PropagationResult("NATS", raw, constant("registered", 125_000),
                constant("updated", 140_000), constant("unregistered", 129_000), constant("first", 300_000),
                constant("call", 10_000));

        List<Figure> figures = Figures.propagation(result);

        assertEquals(List.of(Verdict.PASS, Verdict.MISS, Verdict.PASS, Verdict.MISS),
                figures.stream().map(Figure::verdict).toList());
        assertEquals("p50 1.25x, p99 1.25x", figures.get(0).ratio());
        assertEquals("one-way p50 100 µs / p90 100 µs / p99 100 µs", figures.get(0).baseline());
    }

    @Test
    void jmhScoresWhoseIntervalsOverlapCannotBeToldApart() {
        JmhScore small = new JmhScore("ScaleLookupBenchmark.lookup", Map.of(), 1, 64.4, 11.3, "ns/op", 0);

        assertTrue(Figures.overlap(small, new JmhScore("ScaleLookupBenchmark.lookup", Map.of(), 1, 87.8, 53.7, "ns/op", 0)));
        assertFalse(Figures.overlap(small, new JmhScore("ScaleLookupBenchmark.lookup", Map.of(), 1, 347.6, 46.1, "ns/op", 0)));
    }

    private static LatencySamples constant(String label, long nanos) {
        Histogram samples = new Histogram(LatencySamples.SIGNIFICANT_DIGITS);
        samples.recordValueWithCount(nanos, 100);
        return new LatencySamples(label, samples);
    }
}
