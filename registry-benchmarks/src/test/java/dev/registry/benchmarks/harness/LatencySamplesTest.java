package dev.registry.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = 100 - i;
        }
        LatencySamples samples = new LatencySamples("x", nanos);

        assertEquals(50, samples.p50());
        assertEquals(90, samples.p90());
        assertEquals(99, samples.p99());
        assertEquals(100, samples.max());
        assertEquals(50.5, samples.mean());
    }
}
