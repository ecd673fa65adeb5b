package dev.registry.benchmarks.jmh;

import dev.registry.benchmarks.results.JmhScore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
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

    /** Runs with forks and iterations as {@code settings} says. */
    public JmhRuns(JmhSettings settings) {
        this.settings = settings;
    }

    /** Every benchmark: {@link HotLookupBenchmark} with 1 thread, then 2; {@link ScaleLookupBenchmark}; {@link IngestBenchmark}. */
    public List<JmhScore> all() {
        List<JmhScore> scores = new ArrayList<>(run(options(HotLookupBenchmark.class).threads(1)));
        scores.addAll(run(options(HotLookupBenchmark.class).threads(2)));
        scores.addAll(run(options(ScaleLookupBenchmark.class).threads(1)));
        scores.addAll(run(options(IngestBenchmark.class).threads(1)));
        return scores;
    }

    private ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(Pattern.quote(benchmark.getName() + "."))
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
            double error = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError();
            scores.add(new JmhScore(shortName, values, params.getThreads(), primary.getScore(), error,
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
