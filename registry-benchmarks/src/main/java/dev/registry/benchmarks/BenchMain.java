package dev.registry.benchmarks;

import dev.registry.benchmarks.harness.Harness;
import dev.registry.benchmarks.report.Report;
import dev.registry.benchmarks.results.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            Results.write(json, Harness.measure(quick, fleetOnly, option(args, "--go-bench", ""),
                    Double.parseDouble(option(args, "--build-seconds", "0"))));
        }
        Path notes = Path.of(Report.DOCS, "NOTES.md");
        Path report = new Report(out).write(Results.read(json), Files.exists(notes) ? Files.readString(notes) : "");
        LOG.info("wrote {} and {}", json, report);
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
