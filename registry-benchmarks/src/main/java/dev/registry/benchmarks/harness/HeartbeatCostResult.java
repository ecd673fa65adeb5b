package dev.registry.benchmarks.harness;

import java.time.Duration;
import java.util.Map;

/**
 * What {@link HeartbeatCostRun} measured.
 *
 * @param registrations the registrations of the loaded process
 * @param interval      their register interval
 * @param warmup        how long each process ran before its window
 * @param loaded        the process with the registrations
 * @param idle          the same process without any
 */
public record HeartbeatCostResult(int registrations, Duration interval, Duration warmup, Window loaded, Window idle) {

    /**
     * One measuring window of one process.
     *
     * @param wallNanos     the window's length
     * @param cpuNanos      CPU time of the whole process (all threads, GC and JIT), from the JVM
     * @param outBytes      bytes the NATS connection wrote
     * @param outMessages   messages the NATS connection published
     * @param cpuByKind     CPU time by kind of thread ({@code library}, {@code JIT}, {@code GC}, {@code other}),
     *                      from {@code /proc}, in 10 ms ticks
     * @param wakeUpsByKind times the threads of each kind were woken from sleep
     */
    public record Window(long wallNanos, long cpuNanos, long outBytes, long outMessages, Map<String, Long> cpuByKind,
                         Map<String, Long> wakeUpsByKind) {

        public Window {
            cpuByKind = Map.copyOf(cpuByKind);
            wakeUpsByKind = Map.copyOf(wakeUpsByKind);
        }

        /** CPU time as a share of one core, in percent. */
        public double cpuPercentOfOneCore() {
            return 100.0 * cpuNanos / wallNanos;
        }

        /** The CPU time of one kind of thread as a share of one core, in percent. */
        public double cpuPercentOfOneCore(String kind) {
            return 100.0 * cpuByKind.getOrDefault(kind, 0L) / wallNanos;
        }

        /** How often the library's threads were woken, per second. */
        public double libraryWakeUpsPerSecond() {
            return wakeUpsByKind.getOrDefault("library", 0L) * 1e9 / wallNanos;
        }

        public double bytesPerSecond() {
            return outBytes * 1e9 / wallNanos;
        }

        public double messagesPerSecond() {
            return outMessages * 1e9 / wallNanos;
        }

        /** CPU time of the whole process per message published, in nanoseconds. */
        public double cpuNanosPerMessage() {
            return outMessages == 0 ? Double.NaN : (double) cpuNanos / outMessages;
        }
    }
}
