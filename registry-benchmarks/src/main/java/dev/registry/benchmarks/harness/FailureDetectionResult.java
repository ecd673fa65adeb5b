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
 * @param afterTick      how long after the last multiple of {@link #TICK_NANOS} of the observer's clock each
 *                       {@code EXPIRED} came
 */
public record FailureDetectionResult(Duration interval, double dueFactor, Duration dueCheckPeriod,
                                     LatencySamples sinceLastBeat, LatencySamples sinceKill, LatencySamples afterTick) {

    /** The finest tick of Caffeine's timer wheel: 2^30 ns, about 1.07 s. */
    public static final long TICK_NANOS = 1L << 30;

    /** When an instance is due: its interval x the due factor after its last heartbeat. */
    public long dueNanos() {
        return (long) (interval.toNanos() * dueFactor);
    }

    /** The goal: interval x due factor + due check period + 50 ms. */
    public long boundNanos() {
        return dueNanos() + dueCheckPeriod.toNanos() + Duration.ofMillis(50).toNanos();
    }
}
