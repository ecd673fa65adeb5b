package dev.registry.benchmarks;

import dev.registry.benchmarks.harness.Harness;
import dev.registry.benchmarks.harness.HarnessResults;
import dev.registry.benchmarks.harness.HarnessSettings;
import dev.registry.benchmarks.jmh.HotLookupBenchmark;
import dev.registry.benchmarks.jmh.IngestBenchmark;
import dev.registry.benchmarks.jmh.JfrProfile;
import dev.registry.benchmarks.jmh.JmhRuns;
import dev.registry.benchmarks.jmh.JmhScore;
import dev.registry.benchmarks.jmh.JmhSettings;
import dev.registry.benchmarks.report.BenchResults;
import dev.registry.benchmarks.report.Machine;
import dev.registry.benchmarks.report.ReportWriter;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command behind {@code scripts/bench}: runs the JMH benchmarks (with the GC profiler, plus JFR
 * recordings of the hot lookup and of ingest), starts a nats-server and a redis-server of its own on loopback ports, runs
 * the end-to-end harness against them, and writes {@code BENCHMARKS.md} and its plots.
 *
 * <p>Arguments: {@code [--quick] [--out DIR] [--build-seconds N]}. {@code --quick} is a smoke run with few
 * samples, written to {@code registry-benchmarks/target/bench-quick} unless {@code --out} says otherwise;
 * the full run writes to the current directory (the repository root, where the script runs it).
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(option(args, "--out", quick ? "registry-benchmarks/target/bench-quick" : "."));
        Duration build = Duration.ofSeconds(Long.parseLong(option(args, "--build-seconds", "0")));
        JmhSettings jmh = quick ? JmhSettings.quick() : JmhSettings.full();
        HarnessSettings harness = quick ? HarnessSettings.quick() : HarnessSettings.full();

        long start = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        JmhRuns benchmarks = new JmhRuns(jmh);
        LOG.info("JMH: hot lookup");
        List<JmhScore> hot = benchmarks.hotLookup();
        LOG.info("JMH: lookup by cache size");
        List<JmhScore> scale = benchmarks.scaleLookup();
        LOG.info("JMH: ingest");
        JmhScore ingest = benchmarks.ingest();
        LOG.info("JMH: encoding a heartbeat");
        JmhScore encode = benchmarks.encode();
        LOG.info("JMH: hot lookup and ingest under JDK Flight Recorder");
        JfrProfile profile = profile(benchmarks::recordHotLookup, HotLookupBenchmark.class);
        JfrProfile ingestProfile = profile(benchmarks::recordIngest, IngestBenchmark.class);

        HarnessResults results;
        Machine machine;
        // Local processes even where Docker runs: a container's published port puts Docker's bridge (often its
        // userland proxy too) between client and broker, and every figure would carry that hop.
        try (LocalServer nats = Brokers.natsProcess(); LocalServer redis = Brokers.redisProcess()) {
            machine = Machine.describe(nats.version(), redis.version());
            results = new Harness(harness).run(Brokers.natsUrl(nats), Brokers.redisUrl(redis));
        }
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        BenchResults bench = new BenchResults(machine, ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS), loadBefore,
                Machine.loadAverage(), build, measured, jmh, hot, scale, ingest, encode, profile, ingestProfile, results);
        Path report = new ReportWriter(out).write(bench, quick);
        LOG.info("wrote {} after {} s of measurements", report, measured.toSeconds());
    }

    /** Runs {@code recording} into a temporary directory, reads the profile of {@code benchmark}, deletes the files. */
    private static JfrProfile profile(Function<Path, Path> recording, Class<?> benchmark) throws IOException {
        Path directory = Files.createTempDirectory("bench-jfr");
        try {
            return JfrProfile.read(recording.apply(directory), benchmark.getSimpleName(), 10);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
