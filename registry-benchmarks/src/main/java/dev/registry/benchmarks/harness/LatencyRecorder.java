package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Latency;
import org.HdrHistogram.Histogram;

/** Records the latencies of one path in nanoseconds, then hands them over as a {@link Latency}. Not thread-safe. */
final class LatencyRecorder {

    private final Histogram histogram = new Histogram(Latency.SIGNIFICANT_DIGITS);

    /** Records one latency of {@code nanos} (not negative). */
    void add(long nanos) {
        histogram.recordValue(nanos);
    }

    Latency latency() {
        return Latency.of(histogram);
    }
}
