package dev.registry.benchmarks.report;

import dev.registry.benchmarks.harness.HarnessResults;
import dev.registry.benchmarks.jmh.JfrProfile;
import dev.registry.benchmarks.jmh.JmhScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The text of {@code BENCHMARKS.md} for one run. Not thread-safe; one report per instance. */
final class ReportText {

    private final BenchResults results;
    private final boolean quick;
    private final HarnessResults harness;
    private final Markdown md = new Markdown();

    ReportText(BenchResults results, boolean quick) {
        this.results = results;
        this.quick = quick;
        this.harness = results.harness();
    }

    String markdown() {
        header();
        summary();
        hotLookup();
        propagation();
        coldLookup();
        failureDetection();
        ingest();
        scale();
        heartbeat();
        running();
        return md.toString();
    }

    private void header() {
        md.heading(1, "Benchmarks");
        if (quick) {
            md.paragraph("**Smoke run (`--quick`): too few samples and iterations to quote. The committed report"
                    + " comes from a full `scripts/bench`.**");
        }
        long minutes = Math.round((results.buildTime().toSeconds() + results.measureTime().toSeconds()) / 60.0);
        md.paragraph("Written by `scripts/bench` on " + results.finished() + ", from one run on the machine below: about "
                + minutes + " min (build " + results.buildTime().toSeconds() + " s, measurements "
                + results.measureTime().toSeconds() + " s). A registry sits on every request path, so a lookup must cost"
                + " next to nothing; and a change on one host must reach the others about as fast as the broker carries"
                + " one message. The broker is the physical limit, so every end-to-end figure is measured in the same run"
                + " as the broker's raw client on the same broker (jnats publish -> subscribe, Lettuce publish ->"
                + " subscribe, jnats request/reply), and reported as a ratio to it.");
        md.heading(2, "Machine");
        List<List<String>> facts = new ArrayList<>(results.machine().facts());
        facts.add(List.of("load average (1/5/15 min)", "before: " + results.loadBefore() + "; after: " + results.loadAfter()));
        md.table(List.of("", ""), facts);
        md.paragraph("Brokers are started by the harness on free loopback ports (127.0.0.1) with their default settings"
                + " (Redis without persistence); clients and registries run in one JVM unless a figure says otherwise."
                + " The machine was shared with other work during the run (see the load average): latencies of"
                + " microseconds move with it, ratios much less, because each baseline is measured alongside.");
    }

    private void summary() {
        md.heading(2, "Summary");
        List<Figure> all = new ArrayList<>();
        all.addAll(Figures.hotLookup(results.hotLookup()));
        all.addAll(Figures.propagation(harness.natsPropagation()));
        all.addAll(Figures.propagation(harness.redisPropagation()));
        all.addAll(Figures.coldLookup(harness.coldLookup()));
        all.addAll(Figures.failureDetection(harness.failure()));
        all.addAll(Figures.ingest(results.ingest(), harness.busIngestPerSecond()));
        all.addAll(Figures.scale(harness.scale(), results.scaleLookup()));
        all.addAll(Figures.heartbeat(harness.heartbeat()));
        List<Figure> judged = all.stream().filter(figure -> figure.verdict() != Verdict.INFO).toList();
        long missed = judged.stream().filter(figure -> figure.verdict() == Verdict.MISS).count();
        md.paragraph(judged.size() - missed + " of " + judged.size() + " goals met. Every row is explained in its"
                + " section below, with the rows shown only for context; where a goal is missed, the section says what"
                + " bounds the figure, measured.");
        md.figures(judged);
    }

    private void hotLookup() {
        md.heading(2, "Hot lookup");
        md.paragraph("JMH (`HotLookupBenchmark`, average time, " + jmhShape() + "): `getService(name, filter)` on one"
                + " registry whose cache holds 16 instances of `name`, every benchmark thread sharing the registry as a"
                + " service's request threads do. Bytes per call from JMH's GC profiler (`-prof gc`,"
                + " `gc.alloc.rate.norm`).");
        md.figures(Figures.hotLookup(results.hotLookup()));
        JfrProfile profile = results.hotProfile();
        md.paragraph("Where the time and the bytes of `getService(name, Filters.loadBalance())` go, one thread, from a"
                + " JDK Flight Recorder recording of the same benchmark (`settings=profile`; samples whose stack passes"
                + " through the benchmark):");
        md.table(List.of("allocated bytes", "class and allocating frame"), shares(profile.allocations()));
        md.table(List.of("CPU samples", "top frame"), shares(profile.cpu()));
    }

    private void propagation() {
        md.heading(2, "Propagation, status change, unregister");
        md.paragraph("Registry A and registry B, each on its own connection to the same broker, in one JVM. Each of "
                + Format.count(harness.natsPropagation().raw().count()) + " rounds per broker (after warm-up rounds) takes"
                + " one raw one-way sample (publish on one raw connection, stamp in the subscriber's callback on"
                + " another), then times, from the call on A to B's listener receiving the event (stamped on B's listener"
                + " thread): `register` of a new instance of a name A already has an instance of -> `REGISTERED`;"
                + " `setStatus(WARNING)` -> `UPDATED`; `unregister` -> `UNREGISTERED`; and `register` of the first"
                + " instance of a name in A -> `REGISTERED`. One change is in flight at a time. Messages are"
                + " register messages with every field set (about 190 bytes), the raw ones the same size.");
        md.figures(Figures.propagation(harness.natsPropagation()));
        md.image("NATS propagation latency by percentile", ReportWriter.PLOTS + "/propagation-nats.png");
        md.figures(Figures.propagation(harness.redisPropagation()));
        md.image("Redis propagation latency by percentile", ReportWriter.PLOTS + "/propagation-redis.png");
    }

    private void coldLookup() {
        md.heading(2, "Cold lookup");
        md.paragraph("`getService(name, loadBalance)` on registry B of a name registered on registry A that B has never"
                + " seen: B subscribes to the name, pings, A answers with a register message. Beside it, in the same"
                + " rounds, the raw jnats request/reply round trip (an empty request answered with a register-sized"
                + " reply by a dispatcher on another connection), and the lookup of a name B already observes but has no"
                + " instance of (ping and answer only). " + Format.count(harness.coldLookup().raw().count()) + " rounds.");
        md.figures(Figures.coldLookup(harness.coldLookup()));
        md.image("NATS cold lookup latency by percentile", ReportWriter.PLOTS + "/cold-lookup-nats.png");
    }

    private void failureDetection() {
        md.heading(2, "Failure detection");
        md.paragraph("Each sample is a child JVM that registers one instance over NATS with a 1 s register interval and,"
                + " once it has beaten a few times, is killed with SIGKILL (`Process.destroyForcibly()`): its heartbeats"
                + " stop and nothing is unregistered. Registry B observes the name with the default due factor (1.5) and"
                + " due check period (200 ms) and stamps `EXPIRED`; a raw NATS subscriber on the same topic stamps every"
                + " heartbeat, which gives the last one B received. Children start ten at a time and are killed 150-350 ms"
                + " apart at random, so samples fall at every phase of B's sweep.");
        md.figures(Figures.failureDetection(harness.failure()));
    }

    private void ingest() {
        md.heading(2, "Ingest");
        md.paragraph("Register messages one registry decodes and applies per second: heartbeats of 1,000 cached"
                + " instances (10 names x 100), Go-shaped JSON with every field set. The JMH figure (`IngestBenchmark`,"
                + " throughput, one thread) hands each message straight to the registry's inbound path, so it is the"
                + " codec, validation and cache refresh on one core and nothing else. The second row publishes the same"
                + " messages through the real `InMemoryPubsub` (payload copy, hand-over to the registry's delivery"
                + " thread), at most 20,000 queued.");
        md.figures(Figures.ingest(results.ingest(), harness.busIngestPerSecond()));
    }

    private void scale() {
        md.heading(2, "Scale");
        md.paragraph("One registry's cache filled with 100,000 instances (1,000 names x 100) from Go-shaped register"
                + " messages. Heap per instance is the used heap after a full GC with the cache filled, minus the same"
                + " with the registry empty, over the instance count: everything the registry keeps per instance. Lookup"
                + " cost by cache size is JMH (`ScaleLookupBenchmark`), one thread, `getService(name, loadBalance)`,"
                + " either of one name again and again or cycling through every cached name.");
        md.figures(Figures.scale(harness.scale(), results.scaleLookup()));
        List<JmhScore> sorted = new ArrayList<>(results.scaleLookup());
        sorted.sort(Comparator.comparing((JmhScore score) -> score.param("target")).thenComparingDouble(ReportWriter::instances));
        md.table(List.of("instances cached", "names x per name", "looked up", "ns/op", "B/op"), sorted.stream()
                .map(score -> List.of(Format.count(ReportWriter.instances(score)), score.param("shape"),
                        "one".equals(score.param("target")) ? "one name" : "every name in turn",
                        Format.score(score.score(), score.error()), Format.decimal(score.bytesPerOp()))).toList());
        md.image("lookup ns/op by cache size", ReportWriter.PLOTS + "/lookup-by-cache-size.png");
    }

    private void heartbeat() {
        md.heading(2, "Heartbeat cost");
        md.paragraph("A child JVM (default flags) owning 1,000 registrations (100 names x 10) at a 1 s register"
                + " interval over NATS, measured over " + harness.heartbeat().loaded().wallNanos() / 1_000_000_000
                + " s after a warm-up: the whole process's CPU time as the OS counts it (every thread, GC and JIT"
                + " included) over wall time, and the bytes its NATS connection wrote (jnats' counters: payload and PUB"
                + " line). The baseline is the same JVM with its NATS connection and no registration.");
        md.figures(Figures.heartbeat(harness.heartbeat()));
    }

    private void running() {
        md.heading(2, "Running it");
        md.bullets(List.of(
                "`scripts/bench`: builds (`mvn -B -q -DskipTests install`), runs everything and rewrites this file and"
                        + " `" + ReportWriter.PLOTS + "/*.png`. Needs `nats-server` and `redis-server` (installed by"
                        + " `scripts/ensure-tools` if missing); starts its own on free loopback ports.",
                "`scripts/bench --quick --out /tmp/bench`: a smoke run of every part in a few minutes, numbers not"
                        + " worth quoting.",
                "One JMH benchmark by hand: `java -jar registry-benchmarks/target/registry-benchmarks.jar` runs the whole"
                        + " report; `java -cp registry-benchmarks/target/registry-benchmarks.jar org.openjdk.jmh.Main"
                        + " HotLookupBenchmark -prof gc` runs JMH directly.",
                "Not part of `scripts/test` or CI: `mvn verify` only builds this module and runs its small unit tests."));
    }

    private String jmhShape() {
        return "settings in `JmhSettings`";
    }

    private static List<List<String>> shares(List<JfrProfile.Share> shares) {
        return shares.stream().map(share -> List.of(String.format(Locale.ROOT, "%.1f %%", share.percent()),
                "`" + share.site() + "`")).toList();
    }
}
