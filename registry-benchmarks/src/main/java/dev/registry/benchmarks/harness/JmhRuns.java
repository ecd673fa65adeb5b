package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.jmh.HotLookupBenchmark;
import dev.registry.benchmarks.jmh.IngestBenchmark;
import dev.registry.benchmarks.jmh.ScaleLookupBenchmark;
import dev.registry.benchmarks.results.Results.JmhScore;
import java.util.ArrayList;
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
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs this module's JMH benchmarks through JMH's API, always with the GC profiler (bytes allocated per
 * operation), each benchmark in forked JVMs of this class path, and returns their scores. Stateless.
 */
final class JmhRuns {

    private JmhRuns() {
    }

    /** {@link HotLookupBenchmark} with 1 thread, then 2; {@link ScaleLookupBenchmark}; {@link IngestBenchmark}. */
    static List<JmhScore> all(Settings settings) {
        List<JmhScore> scores = new ArrayList<>(run(settings, HotLookupBenchmark.class, 1));
        scores.addAll(run(settings, HotLookupBenchmark.class, 2));
        scores.addAll(run(settings, ScaleLookupBenchmark.class, 1));
        scores.addAll(run(settings, IngestBenchmark.class, 1));
        return scores;
    }

    private static List<JmhScore> run(Settings settings, Class<?> benchmark, int threads) {
        List<JmhScore> scores = new ArrayList<>();
        try {
            for (RunResult result : new Runner(new OptionsBuilder().include(Pattern.quote(benchmark.getName() + "."))
                    .threads(threads).forks(settings.forks()).warmupIterations(settings.warmupIterations())
                    .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                    .measurementIterations(settings.measureIterations())
                    .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                    .addProfiler(GCProfiler.class).shouldFailOnError(true).build()).run()) {
                BenchmarkParams params = result.getParams();
                Map<String, String> values = new HashMap<>();
                params.getParamsKeys().forEach(key -> values.put(key, params.getParam(key)));
                String name = params.getBenchmark();
                Result<?> primary = result.getPrimaryResult();
                double bytes = result.getSecondaryResults().keySet().stream().filter(key -> key.endsWith("gc.alloc.rate.norm"))
                        .mapToDouble(key -> result.getSecondaryResults().get(key).getScore()).findFirst().orElse(Double.NaN);
                scores.add(new JmhScore(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), values,
                        params.getThreads(), primary.getScore(),
                        Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError(), primary.getScoreUnit(), bytes));
            }
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        return scores;
    }
}
