package dev.registry.benchmarks.report;

import dev.registry.benchmarks.harness.HarnessResults;
import dev.registry.benchmarks.jmh.JfrProfile;
import dev.registry.benchmarks.jmh.JmhScore;
import dev.registry.benchmarks.jmh.JmhSettings;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything one run of {@code scripts/bench} measured, and the circumstances: what the report is written from.
 *
 * @param machine       the machine
 * @param finished      when the measurements ended
 * @param loadBefore    load average before the first measurement
 * @param loadAfter     load average after the last
 * @param buildTime     how long the build before the run took (zero when not told)
 * @param measureTime   how long the measurements took
 * @param jmh           how long JMH measured
 * @param hotLookup     JMH scores of the hot lookup, 1 and 2 threads
 * @param scaleLookup   JMH scores of lookups by cache size
 * @param ingest        JMH score of ingest
 * @param encode        JMH score of encoding one heartbeat
 * @param hotProfile    JFR profile of the hot lookup with the load-balance filter
 * @param ingestProfile JFR profile of ingest
 * @param harness       the end-to-end figures
 */
public record BenchResults(Machine machine, ZonedDateTime finished, String loadBefore, String loadAfter,
                           Duration buildTime, Duration measureTime, JmhSettings jmh, List<JmhScore> hotLookup,
                           List<JmhScore> scaleLookup, JmhScore ingest, JmhScore encode, JfrProfile hotProfile,
                           JfrProfile ingestProfile, HarnessResults harness) {

    public BenchResults {
        hotLookup = List.copyOf(hotLookup);
        scaleLookup = List.copyOf(scaleLookup);
    }
}
