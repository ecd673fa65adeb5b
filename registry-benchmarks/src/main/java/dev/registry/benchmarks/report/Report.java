package dev.registry.benchmarks.report;

import static dev.registry.benchmarks.report.Markdown.count;
import static dev.registry.benchmarks.report.Markdown.decimal;
import static dev.registry.benchmarks.report.Markdown.micros;
import static dev.registry.benchmarks.report.Markdown.ratio;

import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.GoFigures;
import dev.registry.benchmarks.results.Results.HeapClass;
import dev.registry.benchmarks.results.Results.JmhScore;
import dev.registry.benchmarks.results.Results.Machine;
import dev.registry.benchmarks.results.Results.Propagation;
import dev.registry.benchmarks.results.Results.Scale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@code BENCHMARKS.md} and its plots ({@code docs/benchmarks/*.png}) into an output directory from one
 * run's {@link Results} alone: header, machine, the goals (with every figure the sections below do not repeat),
 * the JMH scores and latency distributions with one line on how they are measured, the fleet and its projection, the Go original side by side, and the hand-written notes
 * ({@code docs/benchmarks/NOTES.md}) verbatim. Not thread-safe.
 */
public final class Report {

    /** Where the plots, results.json and NOTES.md live, relative to the output directory. */
    public static final String DOCS = "docs/benchmarks";

    private final Path out;

    /** A renderer writing {@code BENCHMARKS.md} into {@code out} and its plots under {@code out/docs/benchmarks}. */
    public Report(Path out) {
        this.out = out;
    }

    /** Writes the plots and {@code BENCHMARKS.md} with {@code notes} (Markdown, may be empty); returns the report's path. */
    public Path write(Results results, String notes) {
        Path report = out.resolve("BENCHMARKS.md");
        Path plots = out.resolve(DOCS);
        try {
            // the plots are regenerated from scratch: a plot an earlier version wrote and this one does not must go
            if (Files.isDirectory(plots)) {
                try (DirectoryStream<Path> old = Files.newDirectoryStream(plots, "*.png")) {
                    for (Path png : old) {
                        Files.delete(png);
                    }
                }
            }
            Files.writeString(report, markdown(results, notes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report + " and " + plots, e);
        }
        return report;
    }

    /** The report's text; draws the plots it refers to. */
    private String markdown(Results results, String notes) {
        Results.Run run = results.run();
        Machine m = results.machine();
        Markdown md = new Markdown().heading(1, "Benchmarks").paragraph("Rendered from `" + DOCS + "/results.json` by `scripts/bench`"
                + (run.quick() ? " (**--quick: a smoke run, numbers not worth quoting**)" : "") + ". Measured " + run.started()
                + " at commit `" + run.commit() + "`" + (run.dirty() ? " (with uncommitted changes)" : "") + "; build "
                + count(run.buildSeconds()) + " s, measurements " + count(run.measureSeconds()) + " s. Settings: " + run.settings() + ".");
        md.heading(2, "Machine").table(List.of("", ""), List.of(List.of("CPU", m.cpu()),
                List.of("cores (available to the JVM)", String.valueOf(m.cores())),
                List.of("memory", String.format(Locale.ROOT, "%.1f GiB", m.memoryGiB())), List.of("OS", m.os()),
                List.of("JVM", m.jvm()), List.of("NATS server", m.natsServer()), List.of("Redis server", m.redisServer()),
                List.of("clients and tools", m.clients()),
                List.of("load average (1/5/15 min)", "before: " + m.loadBefore() + "; after: " + m.loadAfter())));
        md.heading(2, "Goals (issue 14)").table(Goals.HEADER, Goals.rows(results));
        if (results.jmh() != null) {
            jmh(md, results.jmh());
        }
        if (results.propagation() != null) {
            md.heading(2, "Propagation").paragraph("Registry A -> registry B's listener, each on its own connection to one broker, in"
                    + " one JVM; each round also takes a raw one-way sample (publish on one connection, stamped in the subscriber's"
                    + " callback on another). One change in flight, 1 ms apart, after warm-up rounds."
                    + (results.propagation().get(0).rawRegisterToB() == null ? "" : " The last three rows split the path"
                    + " at the broker in the same rounds: a register message of a new instance published raw on the"
                    + " topic A would use, to B's event (B's side plus one raw hop); A's `register` to a raw subscriber's"
                    + " callback (A's side plus one raw hop), of a name A has and of a name new to A (names B does not"
                    + " observe)." + (results.propagation().get(0).rawOneWayHandedOff() == null ? "" : " The last row is the"
                    + " raw one-way again, stamped not in the subscriber's callback but after the callback handed the message"
                    + " to a waiting thread (a JDK single-thread executor): the hand-off a registry makes before any listener"
                    + " runs, since user code never runs on a transport thread.")));
            for (Propagation p : results.propagation()) {
                md.heading(3, p.broker());
                latencies(md, series("raw one-way", p.rawOneWay(), "register -> REGISTERED", p.register(), "setStatus -> UPDATED",
                        p.status(), "unregister -> UNREGISTERED", p.unregister(), "first instance of a name -> REGISTERED",
                        p.firstInstance(), "raw register message -> B's REGISTERED", p.rawRegisterToB(),
                        "register on A -> raw subscriber", p.registerOnAToRaw(), "first instance on A -> raw subscriber",
                        p.firstInstanceOnAToRaw(), "raw one-way, stamped after a hand-off to a waiting thread",
                        p.rawOneWayHandedOff()), "propagation-" + p.broker().toLowerCase(Locale.ROOT) + ".png",
                        p.broker() + ": registry A -> registry B vs the raw client");
            }
        }
        var cold = results.coldLookup();
        if (cold != null) {
            md.heading(2, "Cold lookup (NATS)").paragraph("`getService(name, loadBalance)` on B of a name registered on A and new"
                    + " to B (subscribe, ping, answer), beside the raw jnats request/reply round trip (an empty request, a"
                    + " register-sized reply), in the same rounds" + (cold.rawPingToAnswer() == null ? "." : "; and A's side:"
                    + " a raw client subscribed to the register topic of another name A owns pings it, until A's answer reaches"
                    + " it (a raw round trip plus A's side)." + (cold.rawExchange() == null ? "" : " And the cold lookup's"
                    + " exchange done raw: one jnats connection subscribes the name's register and unregister topics and pings"
                    + " it at once, as B does, until A's answer reaches its callback.")));
            latencies(md, series("raw request/reply", cold.rawRequestReply(), "name new to B", cold.cold(),
                    "raw ping -> A's answer", cold.rawPingToAnswer(), "raw subscribe + ping -> A's answer",
                    cold.rawExchange()), "cold-lookup-nats.png",
                    "NATS: cold getService vs raw request/reply");
        }
        heap(md, results.scale());
        fleet(md, results.fleet());
        go(md, results);
        return md.heading(2, "Notes on this run").paragraph(notes.isBlank() ? "(none: write them in `" + DOCS + "/NOTES.md`)"
                : notes.strip()).toString();
    }

    private void jmh(Markdown md, List<JmhScore> scores) {
        md.heading(2, "JMH").paragraph("Average time or throughput with JMH's GC profiler (B/op is `gc.alloc.rate.norm`), ± the"
                + " 99.9 % interval. `hot`: `getService(name, loadBalance)` of a name with 16 cached instances, the registry"
                + " shared by every thread. `lookup`: the same with `shape` = names x instances cached, one name again and again"
                + " or cycling through all. `floor`: the same shapes on a plain `ConcurrentHashMap` of one array per name"
                + " (`get`, one element round robin), the floor of any lookup. `heartbeat`: Go-shaped heartbeats of 1,000"
                + " cached instances handed to the inbound path on one thread.");
        md.table(List.of("benchmark", "params", "threads", "score", "unit", "B/op"), scores.stream().map(s -> List.of(s.benchmark(),
                new TreeMap<>(s.params()).toString(), String.valueOf(s.threads()), Markdown.score(s.score(), s.error()), s.unit(),
                decimal(s.bytesPerOp()))).toList());
        List<Plots.Line> lines = new ArrayList<>();
        for (String benchmark : List.of("lookup", "floor")) {
            for (String target : List.of("one", "all")) {
                List<JmhScore> line = scores.stream().filter(s -> s.benchmark().equals("RegistryBenchmark." + benchmark)
                        && target.equals(s.params().get("target"))).sorted(Comparator.comparingDouble(Report::instances)).toList();
                if (!line.isEmpty()) {
                    lines.add(new Plots.Line((benchmark.equals("floor") ? "plain map + array, " : "")
                            + (target.equals("one") ? "one name looked up" : "cycling through every name"),
                            line.stream().mapToDouble(Report::instances).toArray(),
                            line.stream().mapToDouble(JmhScore::score).toArray(), line.stream().mapToDouble(JmhScore::error).toArray()));
                }
            }
        }
        if (!lines.isEmpty()) {
            Plots.lookupBySize(out.resolve(DOCS).resolve("lookup-by-cache-size.png"), lines);
            md.image("lookup ns/op by cache size", DOCS + "/lookup-by-cache-size.png");
        }
    }

    /** Where a cached instance's heap goes, from the class histograms of the heap goal's filled cache. */
    private static void heap(Markdown md, Scale scale) {
        if (scale == null || scale.byClass() == null) {
            return;
        }
        double all = scale.byClass().stream().mapToDouble(HeapClass::bytes).sum();
        List<List<String>> rows = new ArrayList<>();
        for (HeapClass c : scale.byClass()) {
            boolean other = c.className().equals("other");
            rows.add(List.of(other ? "other" : "`" + javaName(c.className()) + "`", other ? "-" : decimal(c.count()),
                    String.format(Locale.ROOT, "%.1f", c.bytes()), String.format(Locale.ROOT, "%.0f %%", 100 * c.bytes() / all)));
        }
        rows.add(List.of("all", "-", String.format(Locale.ROOT, "%.1f", all), "100 %"));
        md.heading(2, "Heap by class").paragraph("The heap goal's cache of " + count(scale.instances()) + " instances, class"
                + " by class: the JVM's live-object histogram (`GC.class_histogram`, after a full GC) with the cache, minus the"
                + " same after it was closed, per cached instance. Classes under 4 B per instance are summed as `other`.");
        md.table(List.of("class", "objects per instance", "bytes per instance", "share"), rows);
    }

    /** A class as the JVM's histogram names it ({@code [B}, {@code [Ljava.lang.String;}) as Java source writes it. */
    private static String javaName(String jvmName) {
        return switch (jvmName) {
            case "[B" -> "byte[]";
            case "[I" -> "int[]";
            case "[J" -> "long[]";
            default -> jvmName.startsWith("[L") ? jvmName.substring(2, jvmName.length() - 1) + "[]" : jvmName;
        };
    }

    private static void fleet(Markdown md, Fleet fleet) {
        md.heading(2, "Fleet (NATS)");
        if (fleet == null) {
            md.paragraph("Not run in this run (`scripts/bench --fleet`).");
            return;
        }
        double perName = (double) fleet.instances() / fleet.names();
        md.paragraph(fleet.processes() + " owner JVMs (`-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1`) on one nats-server, each"
                + " registering one instance of each of " + count(fleet.names()) + " names (" + count(fleet.instances())
                + " instances) at " + fleet.intervalMillis() + " ms, and two observer JVMs; rates from the server's `/varz` over "
                + decimal(fleet.windowSeconds()) + " s; propagation: a `register` in one more process to the observe-all"
                + " observer's event; resync: from the killed server's restart on its port until the observer had a register"
                + " message of each of its instances again.");
        double modelIn = fleet.instances() * 1000.0 / fleet.intervalMillis();
        double modelOut = fleet.observers().stream().mapToDouble(o -> o.names() * perName * 1000.0 / fleet.intervalMillis()).sum();
        md.table(List.of("figure", "measured", "model (protocol counts)"), List.of(
                List.of("broker in", count(fleet.brokerInPerSecond()) + " msg/s", count(modelIn) + " msg/s"),
                List.of("broker out", count(fleet.brokerOutPerSecond()) + " msg/s", count(modelOut) + " msg/s"),
                List.of("capacity of one nats-server / one Redis (raw publisher -> subscriber, in + out)",
                        count(fleet.natsCapacityPerSecond()) + " / " + count(fleet.redisCapacityPerSecond()) + " msg/s", "-"),
                List.of("propagation under load, p50 / p99", micros(fleet.propagation().p50()) + " / " + micros(fleet.propagation().p99()),
                        "raw one-way " + micros(fleet.rawOneWay().p50()) + " / " + micros(fleet.rawOneWay().p99()))));
        md.table(List.of("observer", "names", "instances", "messages/s", "CPU (% of one core)", "heap after GC", "resync after restart"),
                fleet.observers().stream().map(o -> List.of(o.pattern().equals("all") ? "observes every name" : "looks up "
                        + o.names() + " names every 10 ms", count(o.names()), count(o.instances()), count(o.messagesPerSecond()),
                        decimal(o.cpuPercent()), decimal(o.heapBytes() / 1048576) + " MiB", decimal(o.resyncSeconds()) + " s")).toList());
        md.heading(3, "Projection").paragraph("From the rows above and PROTOCOL.md's counts: a heartbeat is one message in and one"
                + " out per process observing its name; a lookup of a cached name sends nothing; a cold lookup is one ping in and"
                + " one answer in per instance, each delivered to the name's observers (rare in a steady state, not counted)."
                + " The run's shape is kept: " + count(perName) + " instances per name, " + count(fleet.names())
                + " per process, every process an observer. Observer CPU: its messages/s times the observe-all observer's"
                + " measured CPU per message (an upper bound: its idle JVM is included). Capacity: the raw run above.");
        md.table(Projection.HEADER, Projection.rows(fleet));
    }

    private static void go(Markdown md, Results results) {
        md.heading(2, "Against the Go original");
        GoFigures go = results.go();
        if (go == null) {
            md.paragraph("Not run in this run (`scripts/bench --go-bench PATH`).");
            return;
        }
        md.paragraph(go.library() + " (" + go.goVersion() + ", nats.go " + go.natsGo() + ") and this library on the same"
                + " nats-server in one run, each beside its own raw client (Go's propagation ratios to its raw one-way p50 of "
                + micros(go.propagationRawP50Us()) + " taken in the same rounds). Latencies p50 / p99. Java/Go: of the"
                + " time (p50) or bytes, lower is better; of msg/s, higher is. The Go run took " + count(go.runSeconds())
                + " s (1-min load " + String.format(Locale.ROOT, "%.2f -> %.2f", go.loadAvgStart(), go.loadAvgEnd())
                + ", nats.go async errors: "
                + count(go.asyncErrors()) + "); afterwards its `GetServices` saw " + count(go.ingestVisibleInstances())
                + " of the ingest run's 1,000 instances and " + count(go.heapVisibleInstances()) + " of the heap fill's "
                + count(go.heapInstances()) + " (see the notes).");
        List<List<String>> rows = new ArrayList<>();
        Goals.jmh(results, "RegistryBenchmark.hot", 1, Goals.HOT).ifPresent(s -> rows.add(List.of(
                "hot lookup, load balance, 1 thread", decimal(go.hotLookupNs()) + " ns, " + count(go.hotLookupBytes()) + " B, "
                        + count(go.hotLookupAllocs()) + " allocs", decimal(s.score()) + " ns, " + decimal(s.bytesPerOp()) + " B",
                ratio(s.score() / go.hotLookupNs()))));
        if (results.propagation() != null) {
            Propagation nats = results.propagation().get(0);
            rows.add(side("propagation, register -> event", go.registerP50Us(), go.registerP99Us(), go.propagationRawP50Us(),
                    nats.register(), nats.rawOneWay(), "raw"));
            rows.add(side("propagation, unregister -> event", go.unregisterP50Us(), go.unregisterP99Us(), go.propagationRawP50Us(),
                    nats.unregister(), nats.rawOneWay(), "raw"));
        }
        if (results.coldLookup() != null) {
            rows.add(side("cold lookup", go.coldLookupP50Us(), go.coldLookupP99Us(), go.rawRequestReplyP50Us(),
                    results.coldLookup().cold(), results.coldLookup().rawRequestReply(), "request/reply"));
        }
        var ingest = results.ingest();
        if (ingest != null) {
            rows.add(List.of("ingest through NATS", count(go.ingestMsgPerSec()) + " msg/s (" + ratio(go.ingestMsgPerSec()
                    / go.rawIngestMsgPerSec()) + " its raw)", count(ingest.registryPerSecond()) + " msg/s ("
                    + ratio(ingest.registryPerSecond() / ingest.rawPerSecond()) + " its raw)",
                    ratio(ingest.registryPerSecond() / go.ingestMsgPerSec())));
        }
        var scale = results.scale();
        if (scale != null) {
            rows.add(List.of("heap per cached instance", count(go.heapPerInstanceBytes()) + " B (" + count(go.heapInstances())
                    + " instances, filled in " + decimal(go.heapFillSeconds()) + " s)", count(scale.bytesPerInstance()) + " B ("
                    + count(scale.instances()) + " instances, filled in " + decimal(scale.fillSeconds()) + " s)",
                    ratio(scale.bytesPerInstance() / go.heapPerInstanceBytes())));
        }
        md.table(List.of("figure", "Go", "this library", "Java/Go"), rows);
    }

    /** A latency row: p50 / p99 of each, each p50 as a ratio to its own raw client's p50; Java/Go of the p50s. */
    private static List<String> side(String name, double go, double goP99, double goRaw, Latency java, Latency javaRaw, String raw) {
        return List.of(name, micros(go) + " / " + micros(goP99) + " (p50 " + ratio(go / goRaw) + " its " + raw + ")",
                micros(java.p50()) + " / " + micros(java.p99()) + " (p50 " + ratio(java.p50() / javaRaw.p50()) + " its " + raw + ")",
                ratio(java.p50() / go));
    }

    /** A table of {@code series} with each one's ratios to the first, and their plot. */
    private void latencies(Markdown md, Map<String, Latency> series, String plot, String title) {
        Latency raw = series.values().iterator().next();
        md.table(List.of("figure", "samples", "p50", "p90", "p99", "max", "p50 / raw", "p99 / raw"), series.entrySet().stream()
                .map(e -> List.of(e.getKey(), count(e.getValue().count()), micros(e.getValue().p50()), micros(e.getValue().p90()),
                        micros(e.getValue().p99()), micros(e.getValue().max()), ratio(e.getValue().p50() / raw.p50()),
                        ratio(e.getValue().p99() / raw.p99()))).toList());
        Plots.latencyByPercentile(out.resolve(DOCS).resolve(plot), title, series);
        md.image(title, DOCS + "/" + plot);
    }

    /** Name, latency, name, latency ...: in order; a latency an older results.json lacks ({@code null}) is left out. */
    private static Map<String, Latency> series(Object... namesAndLatencies) {
        Map<String, Latency> series = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLatencies.length; i += 2) {
            if (namesAndLatencies[i + 1] != null) {
                series.put((String) namesAndLatencies[i], (Latency) namesAndLatencies[i + 1]);
            }
        }
        return series;
    }

    /** The instances cached in a {@code RegistryBenchmark.lookup} run: names x instances per name. */
    private static double instances(JmhScore score) {
        String[] shape = score.params().get("shape").split("x");
        return Double.parseDouble(shape[0]) * Double.parseDouble(shape[1]);
    }
}
