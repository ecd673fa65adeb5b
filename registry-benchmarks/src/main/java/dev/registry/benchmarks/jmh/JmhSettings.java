package dev.registry.benchmarks.jmh;

/**
 * How long JMH measures: warm-up and measurement iterations and their length, and forks.
 *
 * @param forks               JVMs per benchmark
 * @param warmupIterations    unmeasured iterations first
 * @param measureIterations   measured iterations
 * @param iterationSeconds    length of every iteration
 */
public record JmhSettings(int forks, int warmupIterations, int measureIterations, int iterationSeconds) {

    /** What {@code scripts/bench} uses for the committed report. */
    public static JmhSettings full() {
        // three forks: the JIT compiles the same benchmark differently from one JVM to the next (up to 40 % apart
        // here), and short iterations: on a shared machine a burst of other work spoils an iteration, not a run
        return new JmhSettings(3, 3, 6, 1);
    }

    /** How the report describes these settings. */
    public String describe() {
        return forks + (forks == 1 ? " fork" : " forks") + ", " + warmupIterations + " x " + iterationSeconds
                + " s warm-up, " + measureIterations + " x " + iterationSeconds + " s measured";
    }

    /** A smoke run while developing: numbers too noisy to report. */
    public static JmhSettings quick() {
        return new JmhSettings(1, 1, 1, 1);
    }
}
