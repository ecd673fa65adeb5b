package dev.registry.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs this module's JMH benchmarks through JMH's API, always with the GC profiler (bytes allocated per
 * operation), each benchmark in forked JVMs of this class path, and returns their scores. Not thread-safe.
 */
public final class JmhRuns {

    private final JmhSettings settings;

    public JmhRuns(JmhSettings settings) {
        this.settings = settings;
    }

    /** {@link HotLookupBenchmark}: every method with 1 thread, then with 2. */
    public List<JmhScore> hotLookup() {
        List<JmhScore> scores = new ArrayList<>(run(options(HotLookupBenchmark.class, "").threads(1)));
        scores.addAll(run(options(HotLookupBenchmark.class, "").threads(2)));
        return scores;
    }

    /** {@link ScaleLookupBenchmark} at every cache size. */
    public List<JmhScore> scaleLookup() {
        return run(options(ScaleLookupBenchmark.class, "").threads(1));
    }

    /** {@link IngestBenchmark}. */
    public JmhScore ingest() {
        return run(options(IngestBenchmark.class, "").threads(1)).get(0);
    }

    /** {@link EncodeBenchmark}. */
    public JmhScore encode() {
        return run(options(EncodeBenchmark.class, "").threads(1)).get(0);
    }

    /**
     * {@code HotLookupBenchmark.loadBalance} once more, recorded by JDK Flight Recorder through JMH's profiler
     * (measurement iterations only, CPU samples taken between safepoints too, so they name the right frame),
     * for the report's profile of the hot lookup.
     *
     * @return the recording, somewhere under {@code directory}
     */
    public Path recordHotLookup(Path directory) {
        return record(HotLookupBenchmark.class, "loadBalance", directory);
    }

    /** {@link IngestBenchmark} once more, recorded by JDK Flight Recorder as {@link #recordHotLookup} is. */
    public Path recordIngest(Path directory) {
        return record(IngestBenchmark.class, "heartbeat", directory);
    }

    private Path record(Class<?> benchmark, String method, Path directory) {
        run(options(benchmark, method).threads(1).forks(1)
                .addProfiler(JavaFlightRecorderProfiler.class, "dir=" + directory.toAbsolutePath() + ";configName=profile"));
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".jfr")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("JMH's JFR profiler wrote no recording under " + directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChainedOptionsBuilder options(Class<?> benchmark, String method) {
        String include = Pattern.quote(benchmark.getName() + ".") + (method.isEmpty() ? "" : Pattern.quote(method) + "$");
        return new OptionsBuilder()
                .include(include)
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                .measurementIterations(settings.measureIterations())
                .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
    }

    private static List<JmhScore> run(ChainedOptionsBuilder options) {
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        List<JmhScore> scores = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Map<String, String> values = new HashMap<>();
            for (String key : params.getParamsKeys()) {
                values.put(key, params.getParam(key));
            }
            String benchmark = params.getBenchmark();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            Result<?> primary = result.getPrimaryResult();
            scores.add(new JmhScore(shortName, values, params.getThreads(), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), bytesPerOp(result)));
        }
        return scores;
    }

    private static double bytesPerOp(RunResult result) {
        for (String label : result.getSecondaryResults().keySet()) {
            if (label.endsWith("gc.alloc.rate.norm")) {
                return result.getSecondaryResults().get(label).getScore();
            }
        }
        return Double.NaN;
    }
}
