package dev.registry.benchmarks.harness;

import java.util.Arrays;

/** Collects latency samples of one path during a run, then hands them over as {@link LatencySamples}. Not thread-safe. */
final class SampleBuffer {

    private final String label;
    private long[] nanos;
    private int size;

    SampleBuffer(String label, int expected) {
        this.label = label;
        this.nanos = new long[Math.max(expected, 1)];
    }

    void add(long sample) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = sample;
    }

    LatencySamples samples() {
        return new LatencySamples(label, Arrays.copyOf(nanos, size));
    }
}
