package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.jmh.RegistryBenchmark;
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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs this module's JMH benchmarks through JMH's API, always with the GC profiler (bytes allocated per
 * operation), each benchmark in forked JVMs of this class path, and returns their scores. Stateless.
 */
final class JmhRuns {

    private JmhRuns() {
    }

    /**
     * {@link RegistryBenchmark}: {@code hot} (1x16) with 1 thread, then 2; {@code lookup} and its {@code floor} in every
     * shape and target;
     * {@code heartbeat} (10x100).
     */
    static List<JmhScore> all(Settings settings) {
        Map<String, String> hot = Map.of("shape", "1x16", "target", "one");
        List<JmhScore> scores = new ArrayList<>(run(settings, "hot", 1, hot));
        scores.addAll(run(settings, "hot", 2, hot));
        scores.addAll(run(settings, "lookup", 1, Map.of()));
        scores.addAll(run(settings, "floor", 1, Map.of()));
        scores.addAll(run(settings, "heartbeat", 1, Map.of("shape", "10x100", "target", "one")));
        return scores;
    }

    private static List<JmhScore> run(Settings settings, String benchmark, int threads, Map<String, String> params) {
        List<JmhScore> scores = new ArrayList<>();
        ChainedOptionsBuilder options = new OptionsBuilder().include(Pattern.quote(RegistryBenchmark.class.getName() + "."
                + benchmark) + "$");
        params.forEach(options::param);
        try {
            for (RunResult result : new Runner(options.threads(threads).forks(settings.forks())
                    .warmupIterations(settings.warmupIterations())
                    .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                    .measurementIterations(settings.measureIterations())
                    .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                    .addProfiler(GCProfiler.class).shouldFailOnError(true).build()).run()) {
                BenchmarkParams ran = result.getParams();
                Map<String, String> values = new HashMap<>();
                ran.getParamsKeys().forEach(key -> values.put(key, ran.getParam(key)));
                String name = ran.getBenchmark();
                Result<?> primary = result.getPrimaryResult();
                double bytes = result.getSecondaryResults().keySet().stream().filter(key -> key.endsWith("gc.alloc.rate.norm"))
                        .mapToDouble(key -> result.getSecondaryResults().get(key).getScore()).findFirst().orElse(Double.NaN);
                scores.add(new JmhScore(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), values,
                        ran.getThreads(), primary.getScore(),
                        Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError(), primary.getScoreUnit(), bytes));
            }
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        return scores;
    }
}
