package dev.registry.benchmarks.harness;

/**
 * What {@link BusIngestRun} measured.
 *
 * @param perSecond    heartbeats applied per second of wall time
 * @param perCpuSecond heartbeats applied per second of CPU time of the library's threads: what one core sustains
 */
public record BusIngestResult(double perSecond, double perCpuSecond) {
}
