package dev.registry.benchmarks.results;

import java.util.Map;

/**
 * One JMH result.
 *
 * @param benchmark  the benchmark method, e.g. {@code HotLookupBenchmark.loadBalance}
 * @param params     the {@code @Param} values of the run (empty when none)
 * @param threads    benchmark threads
 * @param score      the primary score
 * @param error      its 99.9 % confidence half-width; 0 when JMH had too few iterations to compute one
 * @param unit       the primary score's unit, e.g. {@code ns/op}
 * @param bytesPerOp bytes allocated per operation ({@code -prof gc}'s {@code gc.alloc.rate.norm})
 */
public record JmhScore(String benchmark, Map<String, String> params, int threads, double score, double error,
                       String unit, double bytesPerOp) {

    /** Copies {@code params}. */
    public JmhScore {
        params = Map.copyOf(params);
    }

    /** Whether this is a run of {@code benchmark} with {@code threads} threads and these parameter values. */
    public boolean is(String benchmark, int threads, Map<String, String> params) {
        return this.benchmark.equals(benchmark) && this.threads == threads && this.params.equals(params);
    }
}
