package dev.registry.benchmarks.harness;

import org.HdrHistogram.Histogram;

/**
 * Records the latencies of one path during a run into an HdrHistogram, then hands them over as
 * {@link LatencySamples}. Not thread-safe: the run's measuring thread records.
 */
final class LatencyRecorder {

    private final String label;
    private final Histogram histogram = new Histogram(LatencySamples.SIGNIFICANT_DIGITS);

    LatencyRecorder(String label) {
        this.label = label;
    }

    /** Records one latency of {@code nanos} (not negative). */
    void add(long nanos) {
        histogram.recordValue(nanos);
    }

    /** What was recorded so far, as a copy. */
    LatencySamples samples() {
        return new LatencySamples(label, histogram);
    }
}
