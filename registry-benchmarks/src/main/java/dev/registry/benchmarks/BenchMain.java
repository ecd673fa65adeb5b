package dev.registry.benchmarks;

import dev.registry.benchmarks.harness.GoBench;
import dev.registry.benchmarks.harness.EndToEnd;
import dev.registry.benchmarks.harness.MachineFacts;
import dev.registry.benchmarks.harness.Settings;
import dev.registry.benchmarks.jmh.JmhRuns;
import dev.registry.benchmarks.report.Report;
import dev.registry.benchmarks.results.JmhScore;
import dev.registry.benchmarks.results.Json;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.GoFigures;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command behind {@code scripts/bench}: measures, writes every figure to {@code results.json}, and renders
 * {@code BENCHMARKS.md} and its plots from that file. Runs from the repository root.
 *
 * <p>Arguments: {@code [--quick] [--fleet] [--render-only] [--go-bench PATH] [--out DIR] [--build-seconds N]}.
 * Without {@code --fleet} or {@code --render-only}: the JMH benchmarks, the end-to-end runs against a nats-server
 * and a redis-server of its own on loopback ports (and the Go binary against that nats-server, with
 * {@code --go-bench}), then the fleet. {@code --fleet}: the fleet alone. {@code --render-only}: renders from the
 * {@code results.json} already in the output directory. {@code --quick}: few samples. The output directory is
 * the current one for a full run, {@code registry-benchmarks/target/bench-quick} with {@code --quick} and
 * {@code registry-benchmarks/target/bench-fleet} with {@code --fleet}, unless {@code --out} says otherwise; the
 * notes are read from {@code docs/benchmarks/NOTES.md} of the current directory.
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final Duration GO_TIMEOUT = Duration.ofMinutes(15);

    private BenchMain() {
    }

    /** Measures and renders, or renders only; arguments as the class says. */
    public static void main(String[] args) throws IOException {
        List<String> flags = List.of(args);
        boolean quick = flags.contains("--quick");
        boolean fleetOnly = flags.contains("--fleet");
        Path out = Path.of(option(args, "--out", quick ? "registry-benchmarks/target/bench-quick"
                : fleetOnly ? "registry-benchmarks/target/bench-fleet" : "."));
        Path json = out.resolve(Report.DOCS).resolve("results.json");
        if (!flags.contains("--render-only")) {
            Json.write(json, measure(quick, fleetOnly, option(args, "--go-bench", ""),
                    Double.parseDouble(option(args, "--build-seconds", "0"))));
        }
        Path notes = Path.of(Report.DOCS, "NOTES.md");
        Path report = new Report(out).write(Json.read(json), Files.exists(notes) ? Files.readString(notes) : "");
        LOG.info("wrote {} and {}", json, report);
    }

    private static Results measure(boolean quick, boolean fleetOnly, String goBench, double buildSeconds) {
        Settings settings = quick ? Settings.quick() : Settings.full();
        String loadBefore = MachineFacts.loadAverage();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        List<JmhScore> jmh = fleetOnly ? null : JmhRuns.all(settings);
        EndToEnd endToEnd = null;
        GoFigures go = null;
        String natsVersion;
        String redisVersion;
        // Local processes even where Docker runs: a container's published port puts Docker's bridge (often its
        // userland proxy too) between client and broker, and every figure would carry that hop. With --fleet alone
        // they only name the versions: the fleet starts brokers of its own, which it kills and restarts.
        try (LocalServer nats = Brokers.natsProcess(); LocalServer redis = Brokers.redisProcess()) {
            natsVersion = nats.version();
            redisVersion = redis.version();
            if (!fleetOnly) {
                endToEnd = EndToEnd.run(settings, Brokers.natsUrl(nats), Brokers.redisUrl(redis));
                go = goBench.isEmpty() ? null : GoBench.run(goBench, Brokers.natsUrl(nats), quick, GO_TIMEOUT);
            }
        }
        Fleet fleet = EndToEnd.fleet(settings);
        Results.Run run = new Results.Run(MachineFacts.commit(), MachineFacts.dirty(), started.toString(), buildSeconds,
                (System.nanoTime() - start) / 1e9, quick, settings.describe());
        Results.Machine machine = MachineFacts.describe(natsVersion, redisVersion, loadBefore, MachineFacts.loadAverage());
        return endToEnd == null ? new Results(run, machine, jmh, null, null, null, null, null, null, fleet, go)
                : new Results(run, machine, jmh, endToEnd.propagation(), endToEnd.coldLookup(), endToEnd.failureDetection(),
                endToEnd.heartbeatCost(), endToEnd.ingest(), endToEnd.scale(), fleet, go);
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
