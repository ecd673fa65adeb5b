package dev.registry.benchmarks.report;

import static dev.registry.benchmarks.report.Markdown.count;
import static dev.registry.benchmarks.report.Markdown.decimal;
import static dev.registry.benchmarks.report.Markdown.micros;
import static dev.registry.benchmarks.report.Markdown.millis;
import static dev.registry.benchmarks.report.Markdown.ratio;

import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.JmhScore;
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
final class Goals {

    /** The columns of {@link #rows}. */
    static final List<String> HEADER = List.of("figure", "measured", "baseline (same run)", "ratio", "goal", "result");
    /** The parameters of the hot lookup's and the heartbeat's JMH runs. */
    static final Map<String, String> HOT = Map.of("shape", "1x16", "target", "one");
    static final Map<String, String> HEARTBEAT = Map.of("shape", "10x100", "target", "one");

    private Goals() {
    }

    /** Every goal's row, in the order. */
    static List<List<String>> rows(Results r) {
        List<List<String>> rows = new ArrayList<>();
        String hot1 = "hot lookup, load balance, 1 thread";
        rows.add(jmh(r, "RegistryBenchmark.hot", 1, HOT).map(s -> row(hot1, decimal(s.score()) + " ns/op, "
                + decimal(s.bytesPerOp()) + " B/op", "-", "-", "<= 30 ns/op, 0 B/op", s.score() <= 30 && s.bytesPerOp() < 0.5))
                .orElse(notRun(hot1)));
        String hot2 = "hot lookup, load balance, 2 threads";
        rows.add(jmh(r, "RegistryBenchmark.hot", 2, HOT).map(s -> row(hot2, decimal(s.score()) + " ns/op", "-",
                "-", "<= 40 ns/op", s.score() <= 40)).orElse(notRun(hot2)));
        // the same cache looked up one name at a time: the ratio is what touching other names' memory costs
        Optional<JmhScore> cycling = jmh(r, "RegistryBenchmark.lookup", 1, Map.of("shape", "1000x100", "target", "all"));
        Optional<JmhScore> one = jmh(r, "RegistryBenchmark.lookup", 1, Map.of("shape", "1000x100", "target", "one"));
        // the same two on a plain map of arrays: the ratio no structure keyed by name can go below on this machine
        Optional<JmhScore> floorCycling = jmh(r, "RegistryBenchmark.floor", 1, Map.of("shape", "1000x100", "target", "all"));
        Optional<JmhScore> floorOne = jmh(r, "RegistryBenchmark.floor", 1, Map.of("shape", "1000x100", "target", "one"));
        String floor = floorCycling.isPresent() && floorOne.isPresent() ? "; floor: plain map + array cycling 1,000 names: "
                + decimal(floorCycling.get().score()) + " ns/op, " + ratio(floorCycling.get().score() / floorOne.get().score())
                + " one name" : "";
        String cyclingName = "lookup cycling through 1,000 names at 100,000 instances";
        rows.add(cycling.isPresent() && one.isPresent() ? ratioRow(cyclingName, cycling.get().score(), one.get().score(),
                decimal(cycling.get().score()) + " ns/op", "one name, same cache: " + decimal(one.get().score()) + " ns/op"
                + floor, 1.5, true) : notRun(cyclingName));
        for (Propagation p : r.propagation() == null ? List.<Propagation>of() : r.propagation()) {
            rows.add(propagation(p.broker() + ": register -> REGISTERED", p.register(), p.rawOneWay()));
            rows.add(propagation(p.broker() + ": setStatus -> UPDATED", p.status(), p.rawOneWay()));
            rows.add(propagation(p.broker() + ": unregister -> UNREGISTERED", p.unregister(), p.rawOneWay()));
            rows.add(ratioRow(p.broker() + ": register of a name's first instance -> REGISTERED, p50", p.firstInstance().p50(),
                    p.rawOneWay().p50(), micros(p.firstInstance().p50()), "raw one-way " + micros(p.rawOneWay().p50()), 1.3, true));
        }
        if (r.propagation() == null) {
            rows.add(notRun("propagation, NATS and Redis"));
        }
        var cold = r.coldLookup();
        rows.add(cold == null ? notRun("cold lookup p50, NATS") : ratioRow("cold lookup p50, NATS", cold.cold().p50(),
                cold.rawRequestReply().p50(), micros(cold.cold().p50()), "raw request/reply " + micros(cold.rawRequestReply().p50()),
                1.5, true));
        rows.add(jmh(r, "RegistryBenchmark.heartbeat", 1, HEARTBEAT).map(s -> row("ingest, one thread (JMH)", count(s.score())
                + " msg/s, " + count(s.bytesPerOp()) + " B/msg", "-", "-", ">= 500,000 msg/s, <= 300 B/msg",
                s.score() >= 500_000 && s.bytesPerOp() <= 300)).orElse(notRun("ingest, one thread (JMH)")));
        var ingest = r.ingest();
        rows.add(ingest == null ? notRun("ingest end to end through NATS") : ratioRow("ingest end to end through NATS ("
                + count(ingest.instances()) + " instances, a raw publisher at most 10,000 messages ahead)",
                ingest.registryPerSecond(), ingest.rawPerSecond(), count(ingest.registryPerSecond()) + " msg/s",
                "raw jnats subscriber " + count(ingest.rawPerSecond()) + " msg/s", 0.5, false));
        var scale = r.scale();
        rows.add(scale == null ? notRun("heap per cached instance at 100,000") : row("heap per cached instance at "
                + count(scale.instances()), count(scale.bytesPerInstance()) + " B (used heap after GCs,"
                + " filled minus empty; filled in " + decimal(scale.fillSeconds()) + " s)", "same run, every beat decoded (no beat"
                + " fingerprint kept): " + count(scale.bytesPerInstanceDecodingEveryBeat()) + " B" + (scale.bytesPerDecodedService() == 0
                ? "" : "; the decoded `Service` objects alone (held after their registry closed): "
                + count(scale.bytesPerDecodedService()) + " B"), "-", "<= 500 B", scale.bytesPerInstance() <= 500));
        var beat = r.heartbeatCost();
        rows.add(beat == null ? notRun("heartbeat cost") : row("heartbeat cost, " + count(beat.registrations()) + " registrations at "
                + beat.intervalMillis() / 1000 + " s", decimal(beat.cpuPercent()) + " % of one core over " + count(beat.windowSeconds()) + " s ("
                + count(beat.messagesPerSecond()) + " msg/s, " + count(beat.bytesPerSecond()) + " B/s on the wire)",
                "same JVM, no registrations: " + decimal(beat.idleCpuPercent()) + " %", "-", "< 5 % of one core", beat.cpuPercent() < 5));
        var fd = r.failureDetection();
        rows.add(fd == null ? notRun("failure detection") : row("failure detection, last heartbeat -> EXPIRED, 1 s interval, factor 1.5 ("
                + fd.killed() + " SIGKILLed JVMs, due check " + fd.dueCheckMillis() + " ms)", "mean " + millis(fd.sinceLastBeat().mean())
                + ", p99 " + millis(fd.sinceLastBeat().p99()) + ", max " + millis(fd.sinceLastBeat().max()), "from the SIGKILL: mean "
                + millis(fd.sinceKill().mean()) + ", max " + millis(fd.sinceKill().max()), "-",
                "mean <= 1,550 ms, max <= 1,600 ms", fd.sinceLastBeat().mean() <= 1_550_000 && fd.sinceLastBeat().max() <= 1_600_000));
        return rows;
    }

    /** The JMH score of {@code benchmark} with these threads and parameters, if it ran. */
    static Optional<JmhScore> jmh(Results results, String benchmark, int threads, Map<String, String> params) {
        return results.jmh() == null ? Optional.empty() : results.jmh().stream().filter(s -> s.is(benchmark, threads, params)).findFirst();
    }

    private static List<String> propagation(String name, Latency measured, Latency raw) {
        double p50 = measured.p50() / raw.p50();
        double p99 = measured.p99() / raw.p99();
        return row(name, "p50 " + micros(measured.p50()) + ", p99 " + micros(measured.p99()), "raw one-way p50 " + micros(raw.p50())
                + ", p99 " + micros(raw.p99()), "p50 " + ratio(p50) + ", p99 " + ratio(p99), "p50 <= 1.15x, p99 <= 1.5x",
                p50 <= 1.15 && p99 <= 1.5);
    }

    private static List<String> ratioRow(String name, double measured, double baseline, String shown, String baselineShown,
                                         double goal, boolean atMost) {
        double ratio = measured / baseline;
        return row(name, shown, baselineShown, ratio(ratio), (atMost ? "<= " : ">= ") + goal + "x", atMost ? ratio <= goal : ratio >= goal);
    }

    private static List<String> row(String name, String measured, String baseline, String ratio, String goal, boolean met) {
        return List.of(name, measured, baseline, ratio, goal, met ? "pass" : "**miss**");
    }

    private static List<String> notRun(String name) {
        return List.of(name, "not run", "-", "-", "-", "-");
    }
}
