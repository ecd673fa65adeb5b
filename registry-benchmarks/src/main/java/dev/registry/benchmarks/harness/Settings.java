package dev.registry.benchmarks.harness;


/**
 * How many samples a run takes and how long it measures; described in results.json. Immutable.
 *
 * @param forks              JMH: JVMs per benchmark
 * @param warmupIterations   JMH: unmeasured iterations first
 * @param measureIterations  JMH: measured iterations
 * @param iterationSeconds   JMH: length of every iteration
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
record Settings(int forks, int warmupIterations, int measureIterations, int iterationSeconds,
                       int propagationWarmup, int propagationSamples, int coldWarmup, int coldSamples,
                       int killedProcesses, int heartbeatWarmupSeconds, int heartbeatWindowSeconds,
                       int ingestMessages, int fleetProcesses, int fleetNames, int fleetWindowSeconds,
                       int fleetProbes) {

    /** What {@code scripts/bench} uses for the committed report. */
    static Settings full() {
        // JMH: three forks, since the JIT compiles the same benchmark differently from one JVM to the next (up to 40 %
        // apart here), and short iterations: on a shared machine a burst of other work spoils an iteration, not a run.
        // The fleet takes about a minute and a half: 20 JVMs start in ~20 s on 2 cores, the window is 30 s.
        return new Settings(3, 3, 6, 1, 4_000, 2_000, 1_000, 2_000, 50, 40, 20, 1_000_000, 20, 500, 30, 1_000);
    }

    /** A smoke run while developing: too few samples to report. */
    static Settings quick() {
        return new Settings(1, 1, 1, 1, 50, 200, 20, 100, 10, 2, 5, 100_000, 4, 100, 5, 30);
    }

    /** How the report describes these settings. */
    String describe() {
        return "JMH " + forks + (forks == 1 ? " fork" : " forks") + ", " + warmupIterations + " x " + iterationSeconds
                + " s warm-up, " + measureIterations + " x " + iterationSeconds + " s measured; " + this;
    }
}
