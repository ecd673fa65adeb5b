package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.fixture.FilledRegistry;
import dev.registry.benchmarks.results.Results.Scale;
import java.lang.ref.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry's cache filled with 100,000 instances (1,000 names x 100): the heap they hold (used heap
 * after a full GC, filled minus empty, so everything the registry keeps per instance counts: the decoded
 * service, the cache entry, the per-name snapshot) and the time to fill it, in a JVM that has filled one
 * already (compiled code). Lookups at this size are the JMH {@code ScaleLookupBenchmark}'s. Stateless.
 */
final class ScaleRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleRun.class);
    private static final int NAMES = 1_000;
    private static final int PER_NAME = 100;

    private ScaleRun() {
    }

    static Scale run() {
        LOG.info("scale: {} names x {} instances in one cache", NAMES, PER_NAME);
        FilledRegistry.fill(NAMES, PER_NAME).close();
        long empty = Bench.usedHeapAfterGc();
        FilledRegistry filled = FilledRegistry.fill(NAMES, PER_NAME);
        long full;
        try {
            full = Bench.usedHeapAfterGc();
        } finally {
            Reference.reachabilityFence(filled);
            filled.close();
        }
        return new Scale(NAMES * PER_NAME, (double) (full - empty) / (NAMES * PER_NAME), filled.fillNanos() / 1e9);
    }
}
