package dev.registry.benchmarks.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * The pause before every latency sample: 1 ms, so the previous sample's work has ended (the receiving side's
 * threads go on for a moment after the listener has its event) and no sample pays for its predecessor,
 * whichever path it times. Registry changes reach a quiet system in production too, so this is also the
 * realistic case: every thread on the path is woken from sleep. Stateless.
 */
final class SamplePacing {

    private static final long PAUSE_NANOS = 1_000_000;

    private SamplePacing() {
    }

    static void settle() {
        LockSupport.parkNanos(PAUSE_NANOS);
    }
}
