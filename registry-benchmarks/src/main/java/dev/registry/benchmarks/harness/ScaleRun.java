package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.fixture.FilledRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry's cache filled with 100,000 instances (1,000 names x 100): the heap they hold (used heap
 * after a full GC, filled minus empty, so everything the registry keeps per instance counts: the decoded
 * service, the cache entry, the per-name snapshot) and the time to fill it. Filled twice in this JVM: the
 * first fill runs while the JIT compiler is still at work, as in a process that has just started; the
 * second shows the steady rate. Lookups at this size are the JMH {@code ScaleLookupBenchmark}'s.
 */
final class ScaleRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleRun.class);
    static final int NAMES = 1_000;
    static final int PER_NAME = 100;

    ScaleResult run() {
        LOG.info("scale: {} names x {} instances in one cache", NAMES, PER_NAME);
        long coldFill;
        try (FilledRegistry first = FilledRegistry.fill(NAMES, PER_NAME)) {
            coldFill = first.fillNanos();
        }
        long empty = usedHeapAfterGc();
        FilledRegistry filled = FilledRegistry.fill(NAMES, PER_NAME);
        long full;
        try {
            full = usedHeapAfterGc();
        } finally {
            Reference.reachabilityFence(filled);
            filled.close();
        }
        return new ScaleResult(NAMES * PER_NAME, full - empty, coldFill, filled.fillNanos());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: finalizable and weakly reachable garbage needs more than one collection to go
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
