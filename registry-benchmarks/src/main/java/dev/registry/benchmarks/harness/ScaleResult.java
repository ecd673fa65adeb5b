package dev.registry.benchmarks.harness;

/**
 * What {@link ScaleRun} measured.
 *
 * @param instances     instances cached
 * @param heapBytes     heap they hold, after a full GC
 * @param coldFillNanos time to apply every register message in a fresh JVM
 * @param warmFillNanos the same, once the code is compiled
 */
public record ScaleResult(int instances, long heapBytes, long coldFillNanos, long warmFillNanos) {

    public double bytesPerInstance() {
        return (double) heapBytes / instances;
    }
}
