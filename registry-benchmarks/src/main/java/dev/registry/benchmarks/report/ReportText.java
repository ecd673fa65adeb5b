package dev.registry.benchmarks.report;

import dev.registry.benchmarks.harness.HarnessResults;
import dev.registry.benchmarks.harness.PropagationResult;
import dev.registry.benchmarks.jmh.JfrProfile;
import dev.registry.benchmarks.jmh.JmhScore;
import java.time.format.DateTimeFormatter;
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
        md.paragraph("Written by `scripts/bench` on "
                + results.finished().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)) + ", from one run on the machine below: about "
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
        all.addAll(Figures.ingest(results.ingest(), harness.busIngest()));
        all.addAll(Figures.scale(harness.scale(), results.scaleLookup()));
        all.addAll(Figures.heartbeat(harness.heartbeat()));
        List<Figure> judged = all.stream().filter(figure -> figure.verdict() != Verdict.INFO).toList();
        long missed = judged.stream().filter(figure -> figure.verdict() == Verdict.MISS).count();
        md.paragraph(judged.size() - missed + " of " + judged.size() + " goals met. The sections below say how each"
                + " figure is measured, add rows shown for context only, and where a goal is missed, say what bounds the"
                + " figure, with measurements of the same run.");
        md.figures(judged);
    }

    private void hotLookup() {
        md.heading(2, "Hot lookup");
        md.paragraph("JMH (`HotLookupBenchmark`, average time, " + results.jmh().describe() + "): `getService(name, filter)` on one"
                + " registry whose cache holds 16 instances of `name`, every benchmark thread sharing the registry as a"
                + " service's request threads do. Bytes per call from JMH's GC profiler (`-prof gc`,"
                + " `gc.alloc.rate.norm`).");
        md.figures(Figures.hotLookup(results.hotLookup()));
        JfrProfile profile = results.hotProfile();
        md.paragraph("Where the time of `getService(name, Filters.loadBalance())` goes, one thread: CPU samples by the"
                + " frame they were taken in, from a JDK Flight Recorder recording of the measurement iterations of the"
                + " same benchmark (JMH's `jfr` profiler, `settings=profile`, samples taken between safepoints too;"
                + " samples whose stack passes through the benchmark).");
        md.table(List.of("CPU samples", "frame"), shares(profile.cpu()));
        if (showsAllocations()) {
            md.paragraph("And the bytes, by allocated class and allocating frame (JFR allocation samples, weighted):");
            md.table(List.of("allocated bytes", "class and allocating frame"), shares(profile.allocations()));
        }
        if (missed(Figures.hotLookup(results.hotLookup()))) {
            hotLookupBounds();
        }
    }

    /** What bounds a missed hot lookup, from the differences between its own rows. */
    private void hotLookupBounds() {
        List<String> causes = new ArrayList<>();
        if (results.hotLookup().stream().anyMatch(score -> score.threads() == 2 && score.score() > Figures.HOT_LOOKUP_MAX_NANOS)) {
            String twoThreads = "With two threads: load balance " + slowdown("HotLookupBenchmark.loadBalance")
                    + ", no filter " + slowdown("HotLookupBenchmark.noFilter") + ", passing "
                    + slowdown("HotLookupBenchmark.passing") + " (1 -> 2 threads).";
            boolean onlyLoadBalance = ratio2to1("HotLookupBenchmark.loadBalance") > 1.5
                    && ratio2to1("HotLookupBenchmark.noFilter") < 1.3 && ratio2to1("HotLookupBenchmark.passing") < 1.3;
            causes.add(onlyLoadBalance ? twoThreads + " Only the load-balanced lookup slows down, and the one write to"
                    + " memory every caller shares on its path is the round-robin position: `RoundRobin` keeps one"
                    + " `AtomicInteger` per service name and every call increments it, so with callers on two cores its"
                    + " cache line moves between them on every call. A position per thread (a thread-local counter, or"
                    + " counters striped by thread as `LongAdder` stripes its cells) would keep the rotation and take the"
                    + " shared write off the path."
                    : twoThreads + " The lookups slow down alike, which points at the machine (two benchmark threads on"
                    + " two cores shared with other work) rather than at a write the lookups share.");
        }
        for (JmhScore score : results.hotLookup()) {
            if (score.bytesPerOp() > Figures.HOT_LOOKUP_MAX_BYTES) {
                causes.add("Allocation above the goal: " + Format.decimal(score.bytesPerOp()) + " B/op for "
                        + score.benchmark() + " with " + score.threads() + " thread(s)" + (showsAllocations()
                        ? "; the allocating frames of the one-thread recording are in the table above." : "."));
            }
        }
        if (results.hotLookup().stream().anyMatch(score -> score.threads() == 1
                && score.score() > Figures.HOT_LOOKUP_MAX_NANOS)) {
            causes.add("Time above the goal with one thread: the frames that take it are in the CPU table above.");
        }
        md.paragraph("**What bounds it.**");
        md.bullets(causes);
    }

    /** Whether the recorded one-thread lookup allocated, so that its allocation table has something to show. */
    private boolean showsAllocations() {
        return hot("HotLookupBenchmark.loadBalance", 1).bytesPerOp() >= 1 && !results.hotProfile().allocations().isEmpty();
    }

    private String slowdown(String benchmark) {
        return Format.decimal(hot(benchmark, 1).score()) + " -> " + Format.decimal(hot(benchmark, 2).score()) + " ns";
    }

    private double ratio2to1(String benchmark) {
        return hot(benchmark, 2).score() / hot(benchmark, 1).score();
    }

    private JmhScore hot(String benchmark, int threads) {
        return results.hotLookup().stream().filter(score -> score.benchmark().equals(benchmark) && score.threads() == threads)
                .findFirst().orElseThrow(() -> new IllegalStateException("no score for " + benchmark + ", " + threads));
    }

    private void propagation() {
        md.heading(2, "Propagation, status change, unregister");
        md.paragraph("Registry A and registry B, each on its own connection to the same broker, in one JVM. Each of "
                + Format.count(harness.natsPropagation().raw().count()) + " rounds per broker takes one raw one-way"
                + " sample (publish on one raw connection, stamped in the subscriber's callback on another), then times,"
                + " from the call on A to B's listener receiving the event (stamped on B's listener thread): `register`"
                + " of a new instance of a name A already has an instance of -> `REGISTERED`; `setStatus(WARNING)` ->"
                + " `UPDATED`; `unregister` -> `UNREGISTERED`; and `register` of the first instance of a name in A ->"
                + " `REGISTERED`. One change is in flight at a time and every sample starts 1 ms after the previous one"
                + " ended, so each finds the threads on its path asleep, as a registry change does in production."
                + " Warm-up rounds first, until the JIT compiler is done with both paths. Messages are register"
                + " messages with every field set (about 190 bytes), the raw ones the same size.");
        md.figures(Figures.propagation(harness.natsPropagation()));
        md.image("NATS propagation latency by percentile", ReportWriter.PLOTS + "/propagation-nats.png");
        md.figures(Figures.propagation(harness.redisPropagation()));
        md.image("Redis propagation latency by percentile", ReportWriter.PLOTS + "/propagation-redis.png");
        md.paragraph("Where the time of a `register` goes, p50. The call on A is timed until it returns; the last"
                + " column is a second run, the same in every way except that B runs its listeners on the transport's"
                + " thread (`listenerExecutor(Runnable::run)`) instead of its own listener thread:");
        md.table(List.of("broker", "raw one-way", "register() call on A", "register -> REGISTERED",
                "register of a name's first instance -> REGISTERED", "register -> REGISTERED, listener on the transport"
                        + " thread (raw one-way of that run)"),
                List.of(decomposition(harness.natsPropagation(), harness.natsDirectListener()),
                        decomposition(harness.redisPropagation(), harness.redisDirectListener())));
        List<Figure> firstOfName = List.of(Figures.propagation(harness.natsPropagation()).get(3),
                Figures.propagation(harness.redisPropagation()).get(3));
        List<Figure> others = new ArrayList<>(Figures.propagation(harness.natsPropagation()).subList(0, 3));
        others.addAll(Figures.propagation(harness.redisPropagation()).subList(0, 3));
        if (missed(others)) {
            md.paragraph("**What bounds it.** The registry's message takes the raw message's path plus three things. The"
                    + " call on A: validation, bookkeeping and JSON encoding (p50 in the table). B's decoding and cache update on the"
                    + " transport's thread. And the hand-over of the event to B's listener thread (listeners never run on"
                    + " a transport thread, DESIGN.md), which wakes one more sleeping thread: running the listener on the"
                    + " transport's thread instead took the ratio from " + hopRatios() + ". On Redis the transport"
                    + " itself adds a hand-over too, from Lettuce's event loop to its handler thread.");
        }
        if (missed(firstOfName)) {
            md.paragraph("**Register of a name's first instance.** `register` subscribes to the name's ping topic before"
                    + " it publishes (`OwnRegistrations.add` -> `Pubsub.subscribe`), and both transports wait for the"
                    + " broker to confirm a subscription (NATS: a flush; Redis: the SUBSCRIBE reply), a round trip"
                    + " before the register message leaves: p50 " + Format.micros(firstOfNameExtra(harness.natsPropagation()))
                    + " (NATS) and " + Format.micros(firstOfNameExtra(harness.redisPropagation())) + " (Redis) more than"
                    + " a register of a name already registered. Publishing first and subscribing to the ping topic"
                    + " after would not lose an answer (a process that pinged before the subscription existed receives"
                    + " this very register message, since it observes the name), and would take the round trip off the"
                    + " path.");
        }
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
        if (missed(Figures.coldLookup(harness.coldLookup()))) {
            var cold = harness.coldLookup();
            md.paragraph("**What bounds it.** A cold lookup is the ping/pong plus B's subscribing to the name: p50 "
                    + Format.micros(cold.cold().p50() - cold.pingPong().p50()) + " more than a lookup of a name B already"
                    + " observes, against a raw round trip of " + Format.micros(cold.raw().p50()) + ". `Observations.observe`"
                    + " subscribes to the name's register and unregister topics and waits for the broker to confirm them"
                    + " (`Pubsub.subscribeAll`; on NATS a flush, one round trip) before the ping is published. NATS"
                    + " handles one connection's protocol lines in order, so a SUB sent before the PUB of the ping is in"
                    + " place before any answer can come; sending the ping without waiting would keep the lookup correct"
                    + " on NATS (the SPI promises more: a subscription every connection's messages reach). The ping/pong"
                    + " part alone takes " + Format.ratio((double) cold.pingPong().p50() / cold.raw().p50())
                    + " the raw round trip at p50: the answer passes through A's scheduler thread"
                    + " (`DefaultRegistry.answerPing`) and the result through B's scheduler (`Lookups.instancesChanged`)"
                    + " before the waiting caller wakes, hand-overs a raw request/reply does not make.");
        }
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
        var failure = harness.failure();
        boolean bunched = failure.afterTick().max() < failure.dueCheckPeriod().toNanos() * 2;
        md.paragraph("Beyond the due time (" + Format.millis(failure.dueNanos()) + " after the last heartbeat), instances"
                + " went " + Format.millis(failure.sinceLastBeat().mean() - failure.dueNanos()) + " late on average and "
                + Format.millis(failure.sinceLastBeat().max() - failure.dueNanos()) + " at most. Placed on B's clock, the"
                + " `EXPIRED` events came " + Format.millis(failure.afterTick().mean()) + " on average and "
                + Format.millis(failure.afterTick().max()) + " at most after a multiple of 2^30 ns (1.07 s, the tick at"
                + " which Caffeine's timer wheel turns): " + (bunched
                ? "bunched just after the ticks although the due times fell anywhere, so the wheel decides when an"
                        + " instance goes."
                : "spread over the whole tick, so the registry's own due check, not Caffeine's wheel, decides when an"
                        + " instance goes."));
        if (missed(Figures.failureDetection(failure))) {
            md.paragraph(bunched
                    ? "**What bounds it.** Caffeine's timer wheel, which the cache expires instances with: its finest"
                            + " wheel has buckets of 2^30 ns and an entry is evicted only when the wheel turns past the tick"
                            + " of its bucket, so an instance leaves up to 1.07 s after its due time, whatever the due check"
                            + " period. The registry's own due index (expiring by each instance's due time at every sweep)"
                            + " would bring it to within the due check period."
                    : "**What bounds it.** The lateness above: the due-check sweep runs every "
                            + failure.dueCheckPeriod().toMillis() + " ms, and the `EXPIRED` event is then handed to B's"
                            + " listener thread.");
        }
    }

    private void ingest() {
        md.heading(2, "Ingest");
        md.paragraph("Register messages one registry decodes and applies per second: heartbeats of 1,000 cached"
                + " instances (10 names x 100, register interval 1 s), Go-shaped JSON with every field set. The JMH"
                + " figure (`IngestBenchmark`, throughput, one thread) hands each message straight to the registry's"
                + " inbound path, so it is the codec, validation and cache refresh on one thread and nothing else. The"
                + " second row publishes the same messages through the real `InMemoryPubsub` (payload copy, hand-over to"
                + " the registry's delivery thread, at most 20,000 queued) and divides them by the CPU time of all the"
                + " library's threads (from `/proc`): delivery, and the scheduler's due-check sweep, which revisits each"
                + " refreshed instance once its old due time has passed. That is the rate one core sustains. The short"
                + " interval puts the sweep's share in the figure within a second, as a long one would only later.");
        List<Figure> figures = Figures.ingest(results.ingest(), harness.busIngest());
        md.figures(figures);
        if (missed(figures)) {
            JfrProfile profile = results.ingestProfile();
            md.paragraph("**What bounds it.** Decoding and applying each message on one thread, "
                    + Format.count(results.ingest().bytesPerOp()) + " bytes allocated per message (JMH's GC profiler)."
                    + " Where the time and the bytes go, from a JDK Flight Recorder recording of the measurement"
                    + " iterations of `IngestBenchmark` (as for the hot lookup):");
            md.table(List.of("CPU samples on the stack", "library method (with its callees)"), shares(profile.library()));
            md.table(List.of("CPU samples", "frame"), shares(profile.cpu()));
            md.table(List.of("allocated bytes", "class and allocating frame"), shares(profile.allocations()));
            md.paragraph("Almost every message is a heartbeat of an instance that has not changed: refreshing its due"
                    + " time without building a new `Service` from the message (comparing the parsed fields with the"
                    + " cached instance instead) would skip most of that work.");
        }
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
        List<Figure> lookups = Figures.scale(harness.scale(), results.scaleLookup()).subList(3, 5);
        if (lookups.get(1).verdict() == Verdict.MISS) {
            md.paragraph("**What bounds it.** Memory, not the cache's size: looking up one name costs the same at every"
                    + " size, but cycling through the names costs more the more names there are ("
                    + cycling("16x100") + " with 16 names, " + cycling("100x100") + " with 100, " + cycling("1000x100")
                    + " with 1,000), since each lookup then reads memory the previous ones did not. A hit reads the"
                    + " name's entry in three hash maps (`Observations`, the snapshots in `InstanceCache`, the"
                    + " round-robin positions in `RoundRobin`), each a hash, a probe and a key comparison in a table of"
                    + " its own, plus the name's snapshot; with 1,000 names these no longer stay in the CPU's caches. One"
                    + " map from a name to everything a hit needs (observed, snapshot, round-robin position) would read"
                    + " one entry instead of three.");
        }
        if (lookups.get(0).verdict() == Verdict.MISS) {
            md.paragraph("**One name at 100,000 instances** was measurably slower than at 16 in this run. Nothing a hit"
                    + " does depends on the number of cached instances (it reads one name's entries), so compare the"
                    + " sizes in between in the table above before reading a trend into it.");
        }
    }

    private String cycling(String shape) {
        return Format.decimal(Figures.find(results.scaleLookup(), shape, "all").score()) + " ns";
    }

    private void heartbeat() {
        var heartbeat = harness.heartbeat();
        var loaded = heartbeat.loaded();
        md.heading(2, "Heartbeat cost");
        md.paragraph("A child JVM (default flags) owning 1,000 registrations (100 names x 10) at a 1 s register"
                + " interval over NATS, measured over " + loaded.wallNanos() / 1_000_000_000 + " s after "
                + heartbeat.warmup().toSeconds() + " s of warm-up (at 1,000 beats a second the JIT compiler works on"
                + " the heartbeat path for about half a minute; the figure is the cost of heartbeating, not of compiling"
                + " it): the whole process's CPU time (every thread, GC and JIT included) over wall time, split by kind"
                + " of thread from `/proc`, and the bytes its NATS connection wrote (jnats' counters: payload and PUB"
                + " line). The baseline is the same JVM with its NATS connection and no registration.");
        List<Figure> figures = Figures.heartbeat(heartbeat);
        md.figures(figures);
        md.paragraph("The library's threads (`registry-...`: the scheduler, the bus watchdog and the NATS connection's)"
                + " were woken " + Format.count(loaded.libraryWakeUpsPerSecond()) + " times a second for "
                + Format.count(loaded.messagesPerSecond()) + " heartbeats a second; the process spent "
                + Format.micros(loaded.cpuNanosPerMessage()) + " of CPU per heartbeat, of which encoding the message is "
                + Format.micros(results.encode().score()) + " (JMH `EncodeBenchmark`, "
                + Format.decimal(results.encode().bytesPerOp()) + " B allocated).");
        if (missed(figures)) {
            List<String> causes = new ArrayList<>();
            if (loaded.cpuPercentOfOneCore("JIT") >= 1) {
                causes.add("The JIT compiler was still at work in the window (" + Format.decimal(loaded.cpuPercentOfOneCore("JIT"))
                        + " % of a core): the warm-up was too short for it to finish.");
            }
            if (loaded.libraryWakeUpsPerSecond() >= 0.8 * loaded.messagesPerSecond()) {
                causes.add("About one wake-up of the library's threads per heartbeat: each beat wakes the scheduler and"
                        + " then the NATS writer for one message, and each wake-up costs more than encoding and sending"
                        + " the message. Beating every registration due within one tick in one task lets one wake-up and"
                        + " one socket write carry many heartbeats.");
            }
            if (causes.isEmpty()) {
                causes.add("The library's threads themselves: " + Format.decimal(loaded.cpuPercentOfOneCore("library"))
                        + " % of a core, " + Format.micros(loaded.cpuPercentOfOneCore("library") * 1e7
                        / loaded.messagesPerSecond()) + " per heartbeat.");
            }
            md.paragraph("**What bounds it.**");
            md.bullets(causes);
        }
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

    private static boolean missed(List<Figure> figures) {
        return figures.stream().anyMatch(figure -> figure.verdict() == Verdict.MISS);
    }

    private static List<String> decomposition(PropagationResult result, PropagationResult directListener) {
        return List.of(result.broker(), Format.micros(result.raw().p50()), Format.micros(result.registerCall().p50()),
                Format.micros(result.registered().p50()), Format.micros(result.firstOfName().p50()),
                Format.micros(directListener.registered().p50()) + " (" + Format.micros(directListener.raw().p50()) + ")");
    }

    /** The p50 ratio of register -> REGISTERED to raw with the listener thread and without, per broker. */
    private String hopRatios() {
        return hopRatio(harness.natsPropagation(), harness.natsDirectListener()) + " (NATS) and "
                + hopRatio(harness.redisPropagation(), harness.redisDirectListener()) + " (Redis)";
    }

    private static String hopRatio(PropagationResult withThread, PropagationResult direct) {
        return Format.ratio((double) withThread.registered().p50() / withThread.raw().p50()) + " to "
                + Format.ratio((double) direct.registered().p50() / direct.raw().p50());
    }

    private static double firstOfNameExtra(PropagationResult result) {
        return result.firstOfName().p50() - result.registered().p50();
    }

    private static List<List<String>> shares(List<JfrProfile.Share> shares) {
        return shares.stream().map(share -> List.of(String.format(Locale.ROOT, "%.1f %%", share.percent()),
                "`" + share.site() + "`")).toList();
    }
}
