package dev.registry.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's deliberate waits: a warm-up, a window of load, the pause between latency samples (1 ms, so the
 * previous sample's work has ended and every thread on the path is woken from sleep, as a registry change
 * finds them in production). Not waits for a condition: those are awaits with a deadline. Stateless.
 */
final class Pause {

    private Pause() {
    }

    /** The pause before every latency sample. */
    static void settle() {
        LockSupport.parkNanos(1_000_000);
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
