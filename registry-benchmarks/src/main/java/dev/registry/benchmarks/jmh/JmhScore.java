package dev.registry.benchmarks.jmh;

import java.util.Map;

/**
 * One JMH result as the report uses it.
 *
 * @param benchmark  the benchmark method, e.g. {@code HotLookupBenchmark.loadBalance}
 * @param params     the {@code @Param} values of the run (empty when none)
 * @param threads    benchmark threads
 * @param score      the primary score
 * @param error      its 99.9 % confidence half-width (NaN with too few iterations)
 * @param unit       the primary score's unit, e.g. {@code ns/op}
 * @param bytesPerOp bytes allocated per operation ({@code -prof gc}'s {@code gc.alloc.rate.norm})
 */
public record JmhScore(String benchmark, Map<String, String> params, int threads, double score, double error,
                       String unit, double bytesPerOp) {

    public JmhScore {
        params = Map.copyOf(params);
    }

    /** The value of parameter {@code name}, or empty when the run had none. */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }
}
