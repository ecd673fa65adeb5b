package dev.registry.benchmarks.report;

import dev.registry.benchmarks.harness.BusIngestResult;
import dev.registry.benchmarks.harness.ColdLookupResult;
import dev.registry.benchmarks.harness.FailureDetectionResult;
import dev.registry.benchmarks.harness.HeartbeatCostResult;
import dev.registry.benchmarks.harness.LatencySamples;
import dev.registry.benchmarks.harness.PropagationResult;
import dev.registry.benchmarks.harness.ScaleResult;
import dev.registry.benchmarks.jmh.JmhScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goals, applied: turns measurements into report rows with baseline, ratio and verdict. One
 * method per figure of the issue. Stateless.
 */
public final class Figures {

    static final double HOT_LOOKUP_MAX_NANOS = 100;
    static final double HOT_LOOKUP_MAX_BYTES = 32;
    static final double PROPAGATION_P50_MAX_RATIO = 1.3;
    static final double PROPAGATION_P99_MAX_RATIO = 2.0;
    static final double COLD_LOOKUP_P50_MAX_RATIO = 1.5;
    static final double INGEST_MIN_PER_SECOND = 200_000;
    static final double MAX_BYTES_PER_INSTANCE = 1_024;
    /** "As fast as at 16 instances", read as: within 10 %. */
    static final double SCALE_LOOKUP_MAX_RATIO = 1.10;
    static final double HEARTBEAT_MAX_CPU_PERCENT = 5;

    private static final Map<String, String> LOOKUP_VARIANTS = Map.of(
            "HotLookupBenchmark.loadBalance", "loadBalance filter",
            "HotLookupBenchmark.noFilter", "no filter",
            "HotLookupBenchmark.passing", "passing filter");

    private Figures() {
    }

    /** One row per hot-lookup benchmark and thread count. */
    public static List<Figure> hotLookup(List<JmhScore> scores) {
        List<Figure> figures = new ArrayList<>();
        for (JmhScore score : scores) {
            boolean met = score.score() <= HOT_LOOKUP_MAX_NANOS && score.bytesPerOp() <= HOT_LOOKUP_MAX_BYTES;
            figures.add(new Figure("hot lookup, " + LOOKUP_VARIANTS.getOrDefault(score.benchmark(), score.benchmark())
                    + ", " + score.threads() + (score.threads() == 1 ? " thread" : " threads"),
                    Format.score(score.score(), score.error()) + " ns/op, " + Format.decimal(score.bytesPerOp()) + " B/op",
                    "-", "-", "<= 100 ns/op, <= 32 B/op", Verdict.of(met)));
        }
        return figures;
    }

    /** Register, status change, unregister and first-of-name register, each against the raw one-way latency. */
    public static List<Figure> propagation(PropagationResult result) {
        String broker = result.broker();
        return List.of(
                propagation("propagation (" + broker + "): register -> REGISTERED", result.registered(), result.raw()),
                propagation("status change (" + broker + "): setStatus -> UPDATED", result.updated(), result.raw()),
                propagation("unregister (" + broker + "): unregister -> UNREGISTERED", result.unregistered(), result.raw()),
                propagation("propagation (" + broker + "): register of a name's first instance -> REGISTERED",
                        result.firstOfName(), result.raw()));
    }

    /** The cold lookup against the raw request/reply round trip, and its ping/pong half for context. */
    public static List<Figure> coldLookup(ColdLookupResult result) {
        double ratio = ratio(result.cold().p50(), result.raw().p50());
        return List.of(
                new Figure("cold lookup (NATS): getService of a name new to this registry", p50p99(result.cold()),
                        "request/reply " + p50p99(result.raw()), "p50 " + Format.ratio(ratio) + ", p99 "
                        + Format.ratio(ratio(result.cold().p99(), result.raw().p99())), "p50 <= 1.5x",
                        Verdict.of(ratio <= COLD_LOOKUP_P50_MAX_RATIO)),
                new Figure("cold lookup (NATS), name already observed: ping/pong only", p50p99(result.pingPong()),
                        "request/reply " + p50p99(result.raw()), "p50 " + Format.ratio(ratio(result.pingPong().p50(),
                        result.raw().p50())), "-", Verdict.INFO));
    }

    /** Time from the last heartbeat to EXPIRED (the goal) and from the kill to EXPIRED. */
    public static List<Figure> failureDetection(FailureDetectionResult result) {
        LatencySamples detection = result.sinceLastBeat();
        String goal = "<= " + Format.millis(result.boundNanos()) + " (" + result.interval().toMillis() + " ms x "
                + result.dueFactor() + " + " + result.dueCheckPeriod().toMillis() + " ms + 50 ms), mean and max";
        return List.of(
                new Figure("failure detection (NATS): last heartbeat -> EXPIRED, " + detection.count() + " killed JVMs",
                        meanMax(detection), "-", "-", goal,
                        Verdict.of(detection.mean() <= result.boundNanos() && detection.max() <= result.boundNanos())),
                Figure.info("failure detection (NATS): SIGKILL -> EXPIRED", meanMax(result.sinceKill())));
    }

    /** Messages applied per second: the JMH figure (direct) and through the in-memory bus, per CPU-second. */
    public static List<Figure> ingest(JmhScore direct, BusIngestResult throughBus) {
        return List.of(
                new Figure("ingest: heartbeats decoded and applied, one thread (JMH)",
                        Format.count(direct.score()) + " ± " + Format.count(direct.error()) + " msg/s, "
                                + Format.decimal(direct.bytesPerOp()) + " B/msg", "-", "-", ">= 200,000 msg/s",
                        Verdict.of(direct.score() >= INGEST_MIN_PER_SECOND)),
                new Figure("ingest through InMemoryPubsub, per CPU-second of all the library's threads",
                        Format.count(throughBus.perCpuSecond()) + " msg/s (wall: " + Format.count(throughBus.perSecond())
                                + " msg/s)", "-", "-", ">= 200,000 msg/s",
                        Verdict.of(throughBus.perCpuSecond() >= INGEST_MIN_PER_SECOND)));
    }

    /** Heap per instance, fill times and lookup at 100,000 instances against 16. */
    public static List<Figure> scale(ScaleResult scale, List<JmhScore> lookups) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("scale: heap per cached instance (" + Format.count(scale.instances()) + " instances)",
                Format.count(scale.bytesPerInstance()) + " B (" + Format.decimal(scale.heapBytes() / 1048576.0)
                        + " MiB in all)", "-", "-", "<= 1,024 B", Verdict.of(scale.bytesPerInstance() <= MAX_BYTES_PER_INSTANCE)));
        figures.add(Figure.info("scale: time to fill " + Format.count(scale.instances()) + " instances, fresh JVM",
                Format.millis(scale.coldFillNanos()) + " (" + Format.count(scale.instances() * 1e9 / scale.coldFillNanos())
                        + " msg/s)"));
        figures.add(Figure.info("scale: time to fill " + Format.count(scale.instances()) + " instances, compiled code",
                Format.millis(scale.warmFillNanos()) + " (" + Format.count(scale.instances() * 1e9 / scale.warmFillNanos())
                        + " msg/s)"));
        for (String target : List.of("one", "all")) {
            JmhScore small = find(lookups, "1x16", target);
            JmhScore large = find(lookups, "1000x100", target);
            double ratio = large.score() / small.score();
            figures.add(new Figure("scale: lookup at 100,000 instances, " + ("one".equals(target)
                    ? "one name looked up" : "cycling through all 1,000 names"),
                    Format.score(large.score(), large.error()) + " ns/op",
                    "16 instances: " + Format.score(small.score(), small.error()) + " ns/op", Format.ratio(ratio),
                    "as fast as at 16: <= 1.10x, or not measurably slower (99.9 % intervals overlap)",
                    Verdict.of(ratio <= SCALE_LOOKUP_MAX_RATIO || overlap(small, large))));
        }
        return figures;
    }

    /** CPU share of the owning process and bytes on the wire. */
    public static List<Figure> heartbeat(HeartbeatCostResult result) {
        HeartbeatCostResult.Window loaded = result.loaded();
        HeartbeatCostResult.Window idle = result.idle();
        return List.of(
                new Figure("heartbeat cost: CPU of a process owning " + Format.count(result.registrations())
                        + " registrations at " + result.interval().toSeconds() + " s",
                        Format.decimal(loaded.cpuPercentOfOneCore()) + " % of one core (library threads "
                                + Format.decimal(loaded.cpuPercentOfOneCore("library")) + " %, JIT compiler "
                                + Format.decimal(loaded.cpuPercentOfOneCore("JIT")) + " %, GC "
                                + Format.decimal(loaded.cpuPercentOfOneCore("GC")) + " %)",
                        "same JVM, no registrations: " + Format.decimal(idle.cpuPercentOfOneCore()) + " %", "-",
                        "< 5 % of one core", Verdict.of(loaded.cpuPercentOfOneCore() < HEARTBEAT_MAX_CPU_PERCENT)),
                Figure.info("heartbeat cost: bytes on the wire",
                        Format.count(loaded.bytesPerSecond()) + " B/s (" + Format.count(loaded.messagesPerSecond())
                                + " msg/s, " + Format.count(loaded.bytesPerSecond() / Math.max(1, loaded.messagesPerSecond()))
                                + " B per message incl. the NATS PUB line)"));
    }

    /** The JMH score of the scale benchmark with {@code shape} and {@code target}. */
    static JmhScore find(List<JmhScore> scores, String shape, String target) {
        return scores.stream().filter(score -> score.param("shape").equals(shape) && score.param("target").equals(target))
                .findFirst().orElseThrow(() -> new IllegalStateException("no ScaleLookupBenchmark score for "
                        + shape + " " + target));
    }

    /** Whether the 99.9 % confidence intervals of two JMH scores overlap (they cannot be told apart). */
    static boolean overlap(JmhScore a, JmhScore b) {
        if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
            return false;
        }
        return a.score() - a.error() <= b.score() + b.error() && b.score() - b.error() <= a.score() + a.error();
    }

    private static Figure propagation(String name, LatencySamples measured, LatencySamples raw) {
        double p50 = ratio(measured.p50(), raw.p50());
        double p99 = ratio(measured.p99(), raw.p99());
        return new Figure(name, percentiles(measured), "one-way " + percentiles(raw),
                "p50 " + Format.ratio(p50) + ", p99 " + Format.ratio(p99), "p50 <= 1.3x, p99 <= 2x",
                Verdict.of(p50 <= PROPAGATION_P50_MAX_RATIO && p99 <= PROPAGATION_P99_MAX_RATIO));
    }

    private static String percentiles(LatencySamples samples) {
        return "p50 " + Format.micros(samples.p50()) + " / p90 " + Format.micros(samples.p90()) + " / p99 "
                + Format.micros(samples.p99());
    }

    private static String p50p99(LatencySamples samples) {
        return "p50 " + Format.micros(samples.p50()) + " / p99 " + Format.micros(samples.p99());
    }

    private static String meanMax(LatencySamples samples) {
        return "mean " + Format.millis(samples.mean()) + ", max " + Format.millis(samples.max());
    }

    private static double ratio(double measured, double baseline) {
        return measured / baseline;
    }
}
