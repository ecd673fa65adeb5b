package dev.registry.benchmarks.harness;

import java.util.Arrays;

/**
 * Latencies of one measured path, in nanoseconds, with nearest-rank percentiles. Immutable; the samples
 * are kept (sorted) for the report's distribution plots.
 */
public final class LatencySamples {

    private final String label;
    private final long[] sorted;

    /** Copies and sorts {@code nanos}; at least one sample. */
    public LatencySamples(String label, long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples for " + label);
        }
        this.label = label;
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** What was measured, as the report and the plots name it. */
    public String label() {
        return label;
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100), in nanoseconds. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], but was " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long p50() {
        return percentile(50);
    }

    public long p90() {
        return percentile(90);
    }

    public long p99() {
        return percentile(99);
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public double mean() {
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return sum / sorted.length;
    }

    /** The samples in ascending order (a copy). */
    public long[] sortedNanos() {
        return sorted.clone();
    }
}
