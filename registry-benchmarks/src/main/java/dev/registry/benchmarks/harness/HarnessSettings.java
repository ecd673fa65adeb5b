package dev.registry.benchmarks.harness;

import java.time.Duration;

/**
 * How many samples the end-to-end runs take and how long they measure.
 *
 * @param propagationWarmup  unrecorded propagation rounds per broker, enough for the JIT compiler to finish
 * @param compiledWarmup     unrecorded rounds of a propagation run whose code an earlier run compiled
 * @param propagationSamples recorded propagation rounds per broker (each gives one sample of every figure)
 * @param coldWarmup         unrecorded cold lookup rounds
 * @param coldSamples        recorded cold lookup rounds
 * @param killedProcesses    failure-detection samples (one SIGKILLed JVM each)
 * @param heartbeatWarmup    heartbeat-cost warm-up before its window
 * @param heartbeatWindow    heartbeat-cost measuring window
 * @param ingestWarmup       unmeasured heartbeats through the in-memory bus
 * @param ingestMessages     measured heartbeats through the in-memory bus
 */
public record HarnessSettings(int propagationWarmup, int compiledWarmup, int propagationSamples, int coldWarmup,
                              int coldSamples, int killedProcesses, Duration heartbeatWarmup,
                              Duration heartbeatWindow, int ingestWarmup, int ingestMessages) {

    /** What {@code scripts/bench} uses for the committed report. */
    public static HarnessSettings full() {
        return new HarnessSettings(4_000, 300, 2_000, 1_000, 2_000, 50, Duration.ofSeconds(40),
                Duration.ofSeconds(20), 500_000, 2_000_000);
    }

    /** A smoke run while developing: too few samples to report. */
    public static HarnessSettings quick() {
        return new HarnessSettings(50, 20, 200, 20, 100, 10, Duration.ofSeconds(2), Duration.ofSeconds(5),
                50_000, 200_000);
    }
}
