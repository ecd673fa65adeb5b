package dev.registry.benchmarks.report;

import dev.registry.benchmarks.results.JmhScore;
import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Propagation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 14's goals, each judged from one run's results: one row per goal with the measured figure, the
 * baseline measured in the same run, their ratio, the goal and pass or miss ("not run" where its part did
 * not run). Stateless.
 */
public final class Goals {

    /** The columns of {@link #rows}. */
    public static final List<String> HEADER = List.of("figure", "measured", "baseline (same run)", "ratio", "goal", "result");

    private Goals() {
    }

    /** Every goal's row, in the order. */
    public static List<List<String>> rows(Results results) {
        List<List<String>> rows = new ArrayList<>();
        Optional<JmhScore> hot1 = jmh(results, "HotLookupBenchmark.loadBalance", 1, Map.of());
        rows.add(hot1.map(s -> row("hot lookup, load balance, 1 thread", Format.decimal(s.score()) + " ns/op, "
                + Format.decimal(s.bytesPerOp()) + " B/op", "-", "-", "<= 30 ns/op, 0 B/op",
                s.score() <= 30 && s.bytesPerOp() < 0.5)).orElse(notRun("hot lookup, load balance, 1 thread")));
        rows.add(jmh(results, "HotLookupBenchmark.loadBalance", 2, Map.of()).map(s -> row(
                "hot lookup, load balance, 2 threads", Format.decimal(s.score()) + " ns/op", "-", "-", "<= 40 ns/op",
                s.score() <= 40)).orElse(notRun("hot lookup, load balance, 2 threads")));
        Optional<JmhScore> cycling = jmh(results, "ScaleLookupBenchmark.lookup", 1, Map.of("shape", "1000x100", "target", "all"));
        // the same cache, looked up one name at a time: the ratio is what touching other names' memory costs
        Optional<JmhScore> oneName = jmh(results, "ScaleLookupBenchmark.lookup", 1, Map.of("shape", "1000x100", "target", "one"));
        String cyclingName = "lookup cycling through 1,000 names at 100,000 instances";
        rows.add(cycling.isPresent() && oneName.isPresent() ? ratioRow(cyclingName, cycling.get().score(),
                oneName.get().score(), Format.decimal(cycling.get().score()) + " ns/op",
                "one name, same cache: " + Format.decimal(oneName.get().score()) + " ns/op", 1.5, true)
                : notRun(cyclingName));
        for (Propagation p : results.propagation() == null ? List.<Propagation>of() : results.propagation()) {
            rows.add(propagation(p.broker() + ": register -> REGISTERED", p.register(), p.rawOneWay()));
            rows.add(propagation(p.broker() + ": setStatus -> UPDATED", p.status(), p.rawOneWay()));
            rows.add(propagation(p.broker() + ": unregister -> UNREGISTERED", p.unregister(), p.rawOneWay()));
            rows.add(ratioRow(p.broker() + ": register of a name's first instance -> REGISTERED, p50",
                    p.firstInstance().p50(), p.rawOneWay().p50(), Format.micros(p.firstInstance().p50()),
                    "raw one-way " + Format.micros(p.rawOneWay().p50()), 1.3, true));
        }
        if (results.propagation() == null) {
            rows.add(notRun("propagation, NATS and Redis"));
        }
        rows.add(results.coldLookup() == null ? notRun("cold lookup p50, NATS") : ratioRow("cold lookup p50, NATS",
                results.coldLookup().cold().p50(), results.coldLookup().rawRequestReply().p50(),
                Format.micros(results.coldLookup().cold().p50()),
                "raw request/reply " + Format.micros(results.coldLookup().rawRequestReply().p50()), 1.5, true));
        rows.add(jmh(results, "IngestBenchmark.heartbeat", 1, Map.of()).map(s -> row("ingest, one thread (JMH)",
                Format.count(s.score()) + " msg/s, " + Format.count(s.bytesPerOp()) + " B/msg", "-", "-",
                ">= 500,000 msg/s, <= 300 B/msg", s.score() >= 500_000 && s.bytesPerOp() <= 300))
                .orElse(notRun("ingest, one thread (JMH)")));
        rows.add(results.ingest() == null ? notRun("ingest end to end through NATS") : ratioRow(
                "ingest end to end through NATS", results.ingest().registryPerSecond(), results.ingest().rawPerSecond(),
                Format.count(results.ingest().registryPerSecond()) + " msg/s",
                "raw jnats subscriber " + Format.count(results.ingest().rawPerSecond()) + " msg/s", 0.5, false));
        rows.add(results.scale() == null ? notRun("heap per cached instance at 100,000") : row(
                "heap per cached instance at " + Format.count(results.scale().instances()),
                Format.count(results.scale().bytesPerInstance()) + " B", "-", "-", "<= 500 B",
                results.scale().bytesPerInstance() <= 500));
        rows.add(results.heartbeatCost() == null ? notRun("heartbeat cost") : row("heartbeat cost, "
                        + Format.count(results.heartbeatCost().registrations()) + " registrations at "
                        + results.heartbeatCost().intervalMillis() / 1000 + " s",
                Format.decimal(results.heartbeatCost().cpuPercent()) + " % of one core",
                "same JVM, no registrations: " + Format.decimal(results.heartbeatCost().idleCpuPercent()) + " %", "-",
                "< 5 % of one core", results.heartbeatCost().cpuPercent() < 5));
        rows.add(results.failureDetection() == null ? notRun("failure detection") : row(
                "failure detection, last heartbeat -> EXPIRED, 1 s interval, factor 1.5",
                "mean " + Format.millis(results.failureDetection().sinceLastBeat().mean()) + ", max "
                        + Format.millis(results.failureDetection().sinceLastBeat().max()), "-", "-",
                "mean <= 1,550 ms, max <= 1,600 ms", results.failureDetection().sinceLastBeat().mean() <= 1_550_000
                        && results.failureDetection().sinceLastBeat().max() <= 1_600_000));
        return rows;
    }

    /** The JMH score of {@code benchmark} with these threads and parameters, if it ran. */
    static Optional<JmhScore> jmh(Results results, String benchmark, int threads, Map<String, String> params) {
        return results.jmh() == null ? Optional.empty()
                : results.jmh().stream().filter(s -> s.is(benchmark, threads, params)).findFirst();
    }

    private static List<String> propagation(String name, Latency measured, Latency raw) {
        double p50 = measured.p50() / raw.p50();
        double p99 = measured.p99() / raw.p99();
        return row(name, "p50 " + Format.micros(measured.p50()) + ", p99 " + Format.micros(measured.p99()),
                "raw one-way p50 " + Format.micros(raw.p50()) + ", p99 " + Format.micros(raw.p99()),
                "p50 " + Format.ratio(p50) + ", p99 " + Format.ratio(p99), "p50 <= 1.15x, p99 <= 1.5x",
                p50 <= 1.15 && p99 <= 1.5);
    }

    private static List<String> ratioRow(String name, double measured, double baseline, String shown, String baselineShown,
                                         double goal, boolean atMost) {
        double ratio = measured / baseline;
        return row(name, shown, baselineShown, Format.ratio(ratio), (atMost ? "<= " : ">= ") + goal + "x",
                atMost ? ratio <= goal : ratio >= goal);
    }

    private static List<String> row(String name, String measured, String baseline, String ratio, String goal, boolean met) {
        return List.of(name, measured, baseline, ratio, goal, met ? "pass" : "**miss**");
    }

    private static List<String> notRun(String name) {
        return List.of(name, "not run", "-", "-", "-", "-");
    }
}
