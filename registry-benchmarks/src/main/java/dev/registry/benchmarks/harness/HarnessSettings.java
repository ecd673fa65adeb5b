package dev.registry.benchmarks.harness;

/**
 * How many samples the end-to-end runs take and how long they measure; written into results.json as is.
 *
 * @param propagationWarmup  unrecorded propagation rounds per broker, enough for the JIT compiler to finish
 * @param propagationSamples recorded propagation rounds per broker (each gives one sample of every figure)
 * @param coldWarmup         unrecorded cold lookup rounds
 * @param coldSamples        recorded cold lookup rounds
 * @param killedProcesses    failure-detection samples (one SIGKILLed JVM each)
 * @param heartbeatWarmupSeconds heartbeat-cost warm-up before its window
 * @param heartbeatWindowSeconds heartbeat-cost measuring window
 * @param ingestMessages     heartbeats through NATS into each receiver
 * @param fleetProcesses     owner JVMs of the fleet
 * @param fleetNames         names of the fleet, one instance of each per owner
 * @param fleetWindowSeconds the fleet's measuring window
 * @param fleetProbes        propagation samples under the fleet's load
 */
public record HarnessSettings(int propagationWarmup, int propagationSamples, int coldWarmup, int coldSamples,
                              int killedProcesses, int heartbeatWarmupSeconds, int heartbeatWindowSeconds,
                              int ingestMessages, int fleetProcesses, int fleetNames, int fleetWindowSeconds,
                              int fleetProbes) {

    /** What {@code scripts/bench} uses for the committed report. */
    public static HarnessSettings full() {
        // the fleet takes about a minute and a half with these: 20 JVMs start in ~20 s on 2 cores, the window is 30 s
        return new HarnessSettings(4_000, 2_000, 1_000, 2_000, 50, 40, 20, 1_000_000, 20, 500, 30, 1_000);
    }

    /** A smoke run while developing: too few samples to report. */
    public static HarnessSettings quick() {
        return new HarnessSettings(50, 200, 20, 100, 10, 2, 5, 100_000, 4, 100, 5, 30);
    }
}
