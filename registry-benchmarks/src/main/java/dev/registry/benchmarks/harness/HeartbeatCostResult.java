package dev.registry.benchmarks.harness;

import java.time.Duration;

/**
 * What {@link HeartbeatCostRun} measured.
 *
 * @param registrations the registrations of the loaded process
 * @param interval      their register interval
 * @param loaded        the process with the registrations
 * @param idle          the same process without any
 */
public record HeartbeatCostResult(int registrations, Duration interval, Window loaded, Window idle) {

    /**
     * One measuring window of one process.
     *
     * @param wallNanos             the window's length
     * @param cpuNanos              CPU time of the whole process (all threads, GC, JIT)
     * @param registryThreadCpuNanos CPU time of the threads the library named {@code registry-...}
     * @param registryThreadWakeUps  times those threads were woken from sleep (voluntary context switches)
     * @param outBytes              bytes the NATS connection wrote
     * @param outMessages           messages the NATS connection published
     */
    public record Window(long wallNanos, long cpuNanos, long registryThreadCpuNanos, long registryThreadWakeUps,
                         long outBytes, long outMessages) {

        /** CPU time as a share of one core, in percent. */
        public double cpuPercentOfOneCore() {
            return 100.0 * cpuNanos / wallNanos;
        }

        public double bytesPerSecond() {
            return outBytes * 1e9 / wallNanos;
        }

        public double messagesPerSecond() {
            return outMessages * 1e9 / wallNanos;
        }

        public double wakeUpsPerSecond() {
            return registryThreadWakeUps * 1e9 / wallNanos;
        }

        /** CPU time of the whole process per message published, in nanoseconds. */
        public double cpuNanosPerMessage() {
            return outMessages == 0 ? Double.NaN : (double) cpuNanos / outMessages;
        }
    }
}
