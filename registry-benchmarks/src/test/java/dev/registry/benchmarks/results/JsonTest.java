package dev.registry.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @Test
    void resultsReadBackEqualToWhatWasWritten(@TempDir Path dir) {
        Results results = SampleResults.of(true);
        Path file = dir.resolve("docs/benchmarks/results.json");

        Results.write(file, results);

        assertEquals(results, Results.read(file));
    }

    @Test
    void aSectionThatDidNotRunStaysAbsent(@TempDir Path dir) {
        Path file = dir.resolve("results.json");

        Results.write(file, SampleResults.of(false));

        assertNull(Results.read(file).go());
    }

    @Test
    void percentilesComeFromTheHistogramInMicroseconds() {
        Latency latency = SampleResults.constant(250);

        assertEquals(100, latency.count());
        assertEquals(250, latency.p50(), 0.25);
        assertEquals(250, latency.p99(), 0.25);
    }
}
