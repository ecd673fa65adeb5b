package dev.registry.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.benchmarks.results.Results.HeapClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapProfileTest {

    @Test
    void theJvmsHistogramListsTheClassesLiveNow() {
        Map<String, long[]> classes = HeapProfile.histogram();

        assertTrue(classes.get("java.lang.String")[0] > 0, "strings");
        assertTrue(classes.get("[B")[1] > 0, "byte arrays");
    }

    @Test
    void whatACacheAddsIsSplitPerInstanceLargestFirstTheSmallSummed() {
        Map<String, long[]> with = Map.of("[B", new long[] {1_300, 150_000}, "dev.registry.Service", new long[] {1_000, 48_000},
                "java.lang.Class", new long[] {10, 3_000}, "java.lang.Object", new long[] {5, 80});
        Map<String, long[]> without = Map.of("[B", new long[] {300, 30_000}, "java.lang.Class", new long[] {10, 3_000},
                "java.lang.Object", new long[] {10, 160});

        assertEquals(List.of(new HeapClass("[B", 1.0, 120.0), new HeapClass("dev.registry.Service", 1.0, 48.0),
                new HeapClass("other", 0, 0)), HeapProfile.perInstance(with, without, 1_000));
    }
}
