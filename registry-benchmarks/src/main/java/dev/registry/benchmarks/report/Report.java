package dev.registry.benchmarks.report;

import dev.registry.benchmarks.results.JmhScore;
import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.GoFigures;
import dev.registry.benchmarks.results.Results.Machine;
import dev.registry.benchmarks.results.Results.Observer;
import dev.registry.benchmarks.results.Results.Propagation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code BENCHMARKS.md} and its plots ({@code docs/benchmarks/*.png}) into an output directory from one
 * run's {@link Results} alone: header, machine, the goals, one short table per figure family with one line on
 * how it is measured, the fleet and its projection, the Go original side by side, and the hand-written notes
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
        deleteOldPlots();
        Path report = out.resolve("BENCHMARKS.md");
        try {
            Files.writeString(report, markdown(results, notes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report, e);
        }
        return report;
    }

    /** The report's text; draws the plots it refers to. */
    String markdown(Results results, String notes) {
        Results.Run run = results.run();
        Markdown md = new Markdown().heading(1, "Benchmarks");
        md.paragraph("Rendered from `" + DOCS + "/results.json` by `scripts/bench`" + (run.quick() ? " (**--quick: a smoke run, numbers not worth quoting**)" : "")
                + ". Measured " + run.started() + " at commit `" + run.commit() + "`" + (run.dirty() ? " (with uncommitted changes)" : "")
                + "; build " + Format.count(run.buildSeconds()) + " s, measurements " + Format.count(run.measureSeconds())
                + " s. Settings: " + run.settings() + ".");
        machine(md, results.machine());
        md.heading(2, "Goals (issue 14)").table(Goals.HEADER, Goals.rows(results));
        jmh(md, results);
        propagation(md, results.propagation());
        if (results.coldLookup() != null) {
            md.heading(2, "Cold lookup (NATS)").paragraph("`getService(name, loadBalance)` on B of a name registered on A"
                    + " and new to B (subscribe, ping, answer), beside the raw jnats request/reply round trip (an empty"
                    + " request, a register-sized reply), in the same rounds.");
            Map<String, Latency> cold = new LinkedHashMap<>();
            cold.put("raw request/reply", results.coldLookup().rawRequestReply());
            cold.put("name new to B", results.coldLookup().cold());
            latencies(md, cold, results.coldLookup().rawRequestReply(), "cold-lookup-nats.png", "NATS: cold getService vs raw request/reply");
        }
        if (results.failureDetection() != null) {
            var failure = results.failureDetection();
            md.heading(2, "Failure detection (NATS)").paragraph(failure.killed() + " child JVMs, each owning one registration at "
                    + failure.intervalMillis() + " ms, SIGKILLed; B observes with due factor " + failure.dueFactor()
                    + " and due check " + failure.dueCheckMillis() + " ms; the last heartbeat is stamped by a raw subscriber.");
            md.table(List.of("figure", "mean", "p50", "p99", "max"), List.of(
                    failureRow("last heartbeat -> EXPIRED", failure.sinceLastBeat()),
                    failureRow("SIGKILL -> EXPIRED", failure.sinceKill())));
        }
        other(md, results);
        fleet(md, results.fleet());
        go(md, results);
        md.heading(2, "Notes on this run").paragraph(notes.isBlank() ? "(none: write them in `" + DOCS + "/NOTES.md`)" : notes.strip());
        return md.toString();
    }

    private static void machine(Markdown md, Machine m) {
        md.heading(2, "Machine").table(List.of("", ""), List.of(
                List.of("CPU", m.cpu()), List.of("cores (available to the JVM)", String.valueOf(m.cores())),
                List.of("memory", String.format(Locale.ROOT, "%.1f GiB", m.memoryGiB())), List.of("OS", m.os()),
                List.of("JVM", m.jvm()), List.of("NATS server", m.natsServer()), List.of("Redis server", m.redisServer()),
                List.of("clients and tools", m.clients()),
                List.of("load average (1/5/15 min)", "before: " + m.loadBefore() + "; after: " + m.loadAfter())));
    }

    private void jmh(Markdown md, Results results) {
        if (results.jmh() == null) {
            return;
        }
        md.heading(2, "JMH").paragraph("Average time or throughput with JMH's GC profiler (B/op is `gc.alloc.rate.norm`), ± the"
                + " 99.9 % interval. Hot lookup: `getService(name, filter)` of a name with 16 cached instances, the registry shared"
                + " by every thread. Scale: `getService(name, loadBalance)` with `shape` = names x instances cached, one name again"
                + " and again or cycling through all. Ingest: Go-shaped heartbeats of 1,000 cached instances handed to the inbound"
                + " path on one thread.");
        List<JmhScore> scores = new ArrayList<>(results.jmh());
        md.table(List.of("benchmark", "params", "threads", "score", "unit", "B/op"), scores.stream().map(s -> List.of(
                s.benchmark(), new java.util.TreeMap<>(s.params()).toString(), String.valueOf(s.threads()),
                Format.score(s.score(), s.error()), s.unit(), Format.decimal(s.bytesPerOp()))).toList());
        List<Plots.Line> lines = new ArrayList<>();
        for (String target : List.of("one", "all")) {
            List<JmhScore> line = scores.stream().filter(s -> s.benchmark().equals("ScaleLookupBenchmark.lookup")
                    && target.equals(s.params().get("target"))).sorted(Comparator.comparingDouble(Report::instances)).toList();
            lines.add(new Plots.Line(target.equals("one") ? "one name looked up" : "cycling through every name",
                    line.stream().mapToDouble(Report::instances).toArray(), line.stream().mapToDouble(JmhScore::score).toArray(),
                    line.stream().mapToDouble(JmhScore::error).toArray()));
        }
        if (lines.stream().allMatch(line -> line.x().length > 0)) {
            Plots.lookupBySize(plot("lookup-by-cache-size.png"), lines);
            md.image("lookup ns/op by cache size", DOCS + "/lookup-by-cache-size.png");
        }
    }

    private void propagation(Markdown md, List<Propagation> propagation) {
        if (propagation == null) {
            return;
        }
        md.heading(2, "Propagation").paragraph("Registry A -> registry B's listener, each on its own connection to one broker, in one"
                + " JVM; each round also takes a raw one-way sample (publish on one connection, stamped in the subscriber's"
                + " callback on another). One change in flight, 1 ms apart, after warm-up rounds.");
        for (Propagation p : propagation) {
            Map<String, Latency> series = new LinkedHashMap<>();
            series.put("raw one-way", p.rawOneWay());
            series.put("register -> REGISTERED", p.register());
            series.put("setStatus -> UPDATED", p.status());
            series.put("unregister -> UNREGISTERED", p.unregister());
            series.put("first instance of a name -> REGISTERED", p.firstInstance());
            md.heading(3, p.broker());
            latencies(md, series, p.rawOneWay(), "propagation-" + p.broker().toLowerCase(Locale.ROOT) + ".png",
                    p.broker() + ": registry A -> registry B vs the raw client");
        }
    }

    private void other(Markdown md, Results results) {
        List<List<String>> rows = new ArrayList<>();
        if (results.ingest() != null) {
            rows.add(List.of("ingest through NATS into one registry (" + Format.count(results.ingest().instances()) + " instances)",
                    Format.count(results.ingest().registryPerSecond()) + " msg/s", "raw jnats subscriber: "
                            + Format.count(results.ingest().rawPerSecond()) + " msg/s"));
        }
        if (results.scale() != null) {
            rows.add(List.of("heap per cached instance (" + Format.count(results.scale().instances()) + ")",
                    Format.count(results.scale().bytesPerInstance()) + " B", "filled in " + Format.decimal(results.scale().fillSeconds()) + " s"));
        }
        if (results.heartbeatCost() != null) {
            var beat = results.heartbeatCost();
            rows.add(List.of("heartbeat cost, " + Format.count(beat.registrations()) + " registrations at " + beat.intervalMillis() + " ms",
                    Format.decimal(beat.cpuPercent()) + " % of one core", "idle: " + Format.decimal(beat.idleCpuPercent()) + " %; "
                            + Format.count(beat.messagesPerSecond()) + " msg/s, " + Format.count(beat.bytesPerSecond()) + " B/s on the wire"));
        }
        if (!rows.isEmpty()) {
            md.heading(2, "Ingest, scale, heartbeat cost").paragraph("Ingest: a raw jnats publisher, at most 10,000 messages"
                    + " unreceived, into a raw subscriber and then into a registry observing the names. Heap: used heap after"
                    + " full GCs, filled minus empty. Heartbeat cost: a child JVM's whole CPU over " + (results.heartbeatCost() == null
                    ? "its window" : Format.count(results.heartbeatCost().windowSeconds()) + " s") + " after warm-up, and the same JVM without registrations.");
            md.table(List.of("figure", "measured", "beside it"), rows);
        }
    }

    private void fleet(Markdown md, Fleet fleet) {
        md.heading(2, "Fleet (NATS)");
        if (fleet == null) {
            md.paragraph("Not run in this run (`scripts/bench --fleet`).");
            return;
        }
        double perName = (double) fleet.instances() / fleet.names();
        md.paragraph(fleet.processes() + " owner JVMs (`-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1`) on one nats-server, each"
                + " registering one instance of each of " + Format.count(fleet.names()) + " names (" + Format.count(fleet.instances())
                + " instances) at " + fleet.intervalMillis() + " ms, and two observer JVMs; rates from the server's `/varz` over "
                + Format.decimal(fleet.windowSeconds()) + " s; propagation: a `register` in one more process to the observe-all"
                + " observer's event; resync: from the killed server's restart on its port until the observer had a register"
                + " message of each of its instances again.");
        double modelIn = fleet.instances() * 1000.0 / fleet.intervalMillis();
        double modelOut = fleet.observers().stream().mapToDouble(o -> o.names() * perName * 1000.0 / fleet.intervalMillis()).sum();
        md.table(List.of("figure", "measured", "model (protocol counts)"), List.of(
                List.of("broker in", Format.count(fleet.brokerInPerSecond()) + " msg/s", Format.count(modelIn) + " msg/s"),
                List.of("broker out", Format.count(fleet.brokerOutPerSecond()) + " msg/s", Format.count(modelOut) + " msg/s"),
                List.of("capacity of one nats-server / one Redis (raw publisher -> subscriber, in + out)",
                        Format.count(fleet.natsCapacityPerSecond()) + " / " + Format.count(fleet.redisCapacityPerSecond()) + " msg/s", "-"),
                List.of("propagation under load, p50 / p99", Format.micros(fleet.propagation().p50()) + " / " + Format.micros(fleet.propagation().p99()),
                        "raw one-way " + Format.micros(fleet.rawOneWay().p50()) + " / " + Format.micros(fleet.rawOneWay().p99()))));
        md.table(List.of("observer", "names", "instances", "messages/s", "CPU (% of one core)", "heap after GC", "resync after restart"),
                fleet.observers().stream().map(Report::observerRow).toList());
        md.heading(3, "Projection").paragraph("From the rows above and PROTOCOL.md's counts: a heartbeat is one message in and one"
                + " out per process observing its name; a lookup of a cached name sends nothing; a cold lookup is one ping in and"
                + " one answer in per instance, each delivered to the name's observers (rare in a steady state, not counted)."
                + " The run's shape is kept: " + Format.count(perName) + " instances per name, " + Format.count(fleet.names())
                + " per process, every process an observer. Observer CPU: its messages/s times the observe-all observer's"
                + " measured CPU per message (an upper bound: its idle JVM is included). Capacity: the raw run above.");
        md.table(Projection.HEADER, Projection.rows(fleet));
    }

    private static List<String> observerRow(Observer o) {
        return List.of(o.pattern().equals("all") ? "observes every name" : "looks up " + o.names() + " names every 10 ms",
                Format.count(o.names()), Format.count(o.instances()), Format.count(o.messagesPerSecond()), Format.decimal(o.cpuPercent()),
                Format.decimal(o.heapBytes() / 1048576) + " MiB", Format.decimal(o.resyncSeconds()) + " s");
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
                + Format.micros(go.propagationRawP50Us()) + " taken in the same rounds). Latencies p50 / p99. Java/Go: of the"
                + " time (p50) or bytes, lower is better; of msg/s, higher is. The Go run took " + Format.count(go.runSeconds())
                + " s (1-min load " + go.loadAvgStart() + " -> " + go.loadAvgEnd() + ", nats.go async errors: "
                + Format.count(go.asyncErrors()) + "); afterwards its `GetServices` saw " + Format.count(go.ingestVisibleInstances())
                + " of the ingest run's 1,000 instances and " + Format.count(go.heapVisibleInstances()) + " of the heap fill's "
                + Format.count(go.heapInstances()) + " (see the notes).");
        List<List<String>> rows = new ArrayList<>();
        Goals.jmh(results, "HotLookupBenchmark.loadBalance", 1, Map.of()).ifPresent(s -> rows.add(List.of("hot lookup, load balance, 1 thread",
                Format.decimal(go.hotLookupNs()) + " ns, " + Format.count(go.hotLookupBytes()) + " B, " + Format.count(go.hotLookupAllocs()) + " allocs",
                Format.decimal(s.score()) + " ns, " + Format.decimal(s.bytesPerOp()) + " B", Format.ratio(s.score() / go.hotLookupNs()))));
        Propagation nats = results.propagation() == null ? null : results.propagation().get(0);
        if (nats != null) {
            rows.add(side("propagation, register -> event", go.registerP50Us(), go.registerP99Us(), go.propagationRawP50Us(), nats.register(), nats.rawOneWay(), "raw"));
            rows.add(side("propagation, unregister -> event", go.unregisterP50Us(), go.unregisterP99Us(), go.propagationRawP50Us(), nats.unregister(), nats.rawOneWay(), "raw"));
        }
        if (results.coldLookup() != null) {
            rows.add(side("cold lookup", go.coldLookupP50Us(), go.coldLookupP99Us(), go.rawRequestReplyP50Us(),
                    results.coldLookup().cold(), results.coldLookup().rawRequestReply(), "request/reply"));
        }
        if (results.ingest() != null) {
            rows.add(List.of("ingest through NATS", Format.count(go.ingestMsgPerSec()) + " msg/s (" + Format.ratio(go.ingestMsgPerSec() / go.rawIngestMsgPerSec()) + " its raw)",
                    Format.count(results.ingest().registryPerSecond()) + " msg/s (" + Format.ratio(results.ingest().registryPerSecond() / results.ingest().rawPerSecond()) + " its raw)",
                    Format.ratio(results.ingest().registryPerSecond() / go.ingestMsgPerSec())));
        }
        if (results.scale() != null) {
            rows.add(List.of("heap per cached instance", Format.count(go.heapPerInstanceBytes()) + " B (" + Format.count(go.heapInstances()) + " instances, filled in "
                            + Format.decimal(go.heapFillSeconds()) + " s)",
                    Format.count(results.scale().bytesPerInstance()) + " B (" + Format.count(results.scale().instances()) + " instances, filled in "
                            + Format.decimal(results.scale().fillSeconds()) + " s)",
                    Format.ratio(results.scale().bytesPerInstance() / go.heapPerInstanceBytes())));
        }
        md.table(List.of("figure", "Go", "this library", "Java/Go"), rows);
    }

    /** A latency row: p50 / p99 of each, each p50 as a ratio to its own raw client's p50; Java/Go of the p50s. */
    private static List<String> side(String name, double go, double goP99, double goRaw, Latency java, Latency javaRaw, String raw) {
        return List.of(name, Format.micros(go) + " / " + Format.micros(goP99) + " (p50 " + Format.ratio(go / goRaw) + " its " + raw + ")",
                Format.micros(java.p50()) + " / " + Format.micros(java.p99()) + " (p50 " + Format.ratio(java.p50() / javaRaw.p50())
                        + " its " + raw + ")", Format.ratio(java.p50() / go));
    }

    private void latencies(Markdown md, Map<String, Latency> series, Latency raw, String plot, String title) {
        md.table(List.of("figure", "samples", "p50", "p90", "p99", "max", "p50 / raw", "p99 / raw"), series.entrySet().stream()
                .map(e -> List.of(e.getKey(), Format.count(e.getValue().count()), Format.micros(e.getValue().p50()),
                        Format.micros(e.getValue().p90()), Format.micros(e.getValue().p99()), Format.micros(e.getValue().max()),
                        Format.ratio(e.getValue().p50() / raw.p50()), Format.ratio(e.getValue().p99() / raw.p99()))).toList());
        Plots.latencyByPercentile(plot(plot), title, series);
        md.image(title, DOCS + "/" + plot);
    }

    private static List<String> failureRow(String name, Latency latency) {
        return List.of(name, Format.millis(latency.mean()), Format.millis(latency.p50()), Format.millis(latency.p99()), Format.millis(latency.max()));
    }

    /** The instances cached in a {@code ScaleLookupBenchmark} run: names x instances per name. */
    private static double instances(JmhScore score) {
        String[] shape = score.params().get("shape").split("x");
        return Double.parseDouble(shape[0]) * Double.parseDouble(shape[1]);
    }

    private Path plot(String name) {
        return out.resolve(DOCS).resolve(name);
    }

    /** The plots are regenerated from scratch: a plot an earlier version wrote and this one does not must go. */
    private void deleteOldPlots() {
        Path plots = out.resolve(DOCS);
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
}
