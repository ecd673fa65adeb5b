package dev.registry.benchmarks.harness;

import java.time.Duration;

/**
 * What {@link FailureDetectionRun} measured.
 *
 * @param interval       the killed instances' register interval
 * @param dueFactor      the observer's due factor
 * @param dueCheckPeriod the observer's due check period
 * @param sinceLastBeat  from the last heartbeat the observer received to its {@code EXPIRED} event
 * @param sinceKill      from the SIGKILL to the {@code EXPIRED} event
 */
public record FailureDetectionResult(Duration interval, double dueFactor, Duration dueCheckPeriod,
                                     LatencySamples sinceLastBeat, LatencySamples sinceKill) {

    /** The goal: interval x due factor + due check period + 50 ms. */
    public long boundNanos() {
        return (long) (interval.toNanos() * dueFactor) + dueCheckPeriod.toNanos() + Duration.ofMillis(50).toNanos();
    }
}
