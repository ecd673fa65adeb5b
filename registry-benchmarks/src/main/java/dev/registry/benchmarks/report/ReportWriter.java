package dev.registry.benchmarks.report;

import dev.registry.benchmarks.harness.ColdLookupResult;
import dev.registry.benchmarks.harness.HarnessResults;
import dev.registry.benchmarks.harness.LatencySamples;
import dev.registry.benchmarks.harness.PropagationResult;
import dev.registry.benchmarks.jmh.JmhScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code BENCHMARKS.md} and its PNG plots (under {@code docs/benchmarks/}) into an output directory,
 * from one run's {@link BenchResults}: the machine, a summary of every figure against its goal, then each
 * figure's section with how it was measured, its plot, and where a goal is missed, what bounds it. Not
 * thread-safe.
 */
public final class ReportWriter {

    static final String PLOTS = "docs/benchmarks";

    private final Path out;

    public ReportWriter(Path out) {
        this.out = out;
    }

    /** Writes the plots and the report; returns the report's path. */
    public Path write(BenchResults results, boolean quick) {
        deleteOldPlots();
        HarnessResults harness = results.harness();
        Plots.latencyByPercentile(out.resolve(PLOTS + "/propagation-nats.png"), "NATS: registry A -> registry B vs raw jnats",
                latencies(harness.natsPropagation()));
        Plots.latencyByPercentile(out.resolve(PLOTS + "/propagation-redis.png"), "Redis: registry A -> registry B vs raw Lettuce",
                latencies(harness.redisPropagation()));
        ColdLookupResult cold = harness.coldLookup();
        Plots.latencyByPercentile(out.resolve(PLOTS + "/cold-lookup-nats.png"), "NATS: cold getService vs raw request/reply",
                List.of(cold.raw(), cold.pingPong(), cold.cold()));
        Plots.lookupBySize(out.resolve(PLOTS + "/lookup-by-cache-size.png"), List.of(
                lookupLine(results.scaleLookup(), "one", "one name looked up"),
                lookupLine(results.scaleLookup(), "all", "cycling through every cached name")));
        Path report = out.resolve("BENCHMARKS.md");
        try {
            Files.writeString(report, new ReportText(results, quick).markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report, e);
        }
        return report;
    }

    /** The plots are regenerated from scratch: a plot an earlier version wrote and this one does not must go. */
    private void deleteOldPlots() {
        Path plots = out.resolve(PLOTS);
        if (!Files.isDirectory(plots)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(plots, "*.png")) {
            for (Path png : old) {
                Files.delete(png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + plots, e);
        }
    }

    private static List<LatencySamples> latencies(PropagationResult result) {
        return List.of(result.raw(), result.registered(), result.updated(), result.unregistered(), result.firstOfName());
    }

    private static Plots.Line lookupLine(List<JmhScore> scores, String target, String label) {
        List<JmhScore> line = new ArrayList<>(scores.stream().filter(score -> score.param("target").equals(target)).toList());
        line.sort((a, b) -> Double.compare(instances(a), instances(b)));
        double[] x = new double[line.size()];
        double[] y = new double[line.size()];
        double[] errors = new double[line.size()];
        for (int i = 0; i < line.size(); i++) {
            x[i] = instances(line.get(i));
            y[i] = line.get(i).score();
            errors[i] = Double.isNaN(line.get(i).error()) ? 0 : line.get(i).error();
        }
        return new Plots.Line(label, x, y, errors);
    }

    /** The instances cached in a {@code ScaleLookupBenchmark} run: names x instances per name. */
    static double instances(JmhScore score) {
        String[] shape = score.param("shape").toLowerCase(Locale.ROOT).split("x");
        return Double.parseDouble(shape[0]) * Double.parseDouble(shape[1]);
    }
}
