package dev.registry.benchmarks.harness;

import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.benchmarks.fixture.FilledRegistry;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.GoFigures;
import dev.registry.benchmarks.results.Results.HeapClass;
import dev.registry.benchmarks.results.Results.JmhScore;
import dev.registry.benchmarks.results.Results.Scale;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes every measurement of one run: the JMH benchmarks; propagation over a nats-server and a redis-server it
 * starts on loopback ports, then cold lookups, failure detection, heartbeat cost and ingest over NATS, then scale
 * (and the Go binary against that nats-server, when given); then the fleet, on a nats-server of its own. Stateless;
 * one run at a time.
 */
public final class Harness {

    private static final Duration GO_TIMEOUT = Duration.ofMinutes(15);

    private Harness() {
    }

    /**
     * Measures with {@link Settings#quick()} or {@link Settings#full()}; with {@code fleetOnly} the fleet alone. The
     * Go binary runs when {@code goBench} is not empty.
     */
    public static Results measure(boolean quick, boolean fleetOnly, String goBench, double buildSeconds) {
        Settings s = quick ? Settings.quick() : Settings.full();
        String loadBefore = MachineFacts.loadAverage();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        List<JmhScore> jmh = fleetOnly ? null : JmhRuns.all(s);
        Results measured = new Results(null, null, jmh, null, null, null, null, null, null, null, null);
        String natsVersion;
        String redisVersion;
        // Local processes even where Docker runs: a container's published port puts Docker's bridge (often its
        // userland proxy too) between client and broker, and every figure would carry that hop. With --fleet alone
        // they only name the versions: the fleet starts brokers of its own, which it kills and restarts.
        try (LocalServer nats = Brokers.natsProcess(); LocalServer redis = Brokers.redisProcess()) {
            natsVersion = nats.version();
            redisVersion = redis.version();
            String natsUrl = Brokers.natsUrl(nats);
            if (!fleetOnly) {
                measured = new Results(null, null, jmh,
                        List.of(PropagationRun.run("NATS", natsUrl, s.propagationWarmup(), s.propagationSamples()),
                                PropagationRun.run("Redis", Brokers.redisUrl(redis), s.propagationWarmup(), s.propagationSamples())),
                        PropagationRun.cold(natsUrl, s.coldWarmup(), s.coldSamples()),
                        ProcessRuns.failureDetection(natsUrl, s.killedProcesses()),
                        ProcessRuns.heartbeatCost(natsUrl, Duration.ofSeconds(s.heartbeatWarmupSeconds()),
                                Duration.ofSeconds(s.heartbeatWindowSeconds())),
                        IngestRun.nats(natsUrl, s.ingestMessages()), scale(), null,
                        goBench.isEmpty() ? null : GoBench.run(goBench, natsUrl, quick, GO_TIMEOUT));
            }
        }
        Fleet fleet = FleetRun.run(s.fleetProcesses(), s.fleetNames(), Duration.ofSeconds(s.fleetWindowSeconds()),
                s.fleetProbes(), s.ingestMessages());
        Results.Run run = new Results.Run(MachineFacts.commit(), MachineFacts.dirty(), started.toString(), buildSeconds,
                (System.nanoTime() - start) / 1e9, quick, s.describe());
        GoFigures go = measured.go();
        return new Results(run, MachineFacts.describe(natsVersion, redisVersion, loadBefore, MachineFacts.loadAverage()),
                jmh, measured.propagation(), measured.coldLookup(), measured.failureDetection(), measured.heartbeatCost(),
                measured.ingest(), measured.scale(), fleet, go);
    }

    /**
     * One registry's cache filled with 100,000 instances (1,000 names x 100): the heap they hold (used heap after a
     * full GC, filled minus empty, so everything the registry keeps per instance counts: the decoded service, the
     * cache entry, the per-name snapshot) and the time to fill it, in a JVM that has filled one already (compiled
     * code), and by class; the same with every beat decoded; and the decoded services alone. Lookups at this size are the JMH
     * {@code RegistryBenchmark.lookup}'s.
     */
    private static Scale scale() {
        int names = 1_000;
        int instances = names * 100;
        FilledRegistry.fill(names, 100).close();
        FilledRegistry filled = FilledRegistry.fill(names, 100);
        Map<String, long[]> withCache = HeapProfile.histogram();
        double perInstance = heldPerInstance(filled::close, instances);
        List<HeapClass> byClass = HeapProfile.perInstance(withCache, HeapProfile.histogram(), instances);
        // The same fill with an observe filter that passes everything: it turns off the undecoded renewal of
        // unchanged heartbeats, and with it the fingerprint of its last message each instance keeps for it.
        FilledRegistry decoding = FilledRegistry.fill(names, 100, RegistryOptions.builder().observeFilter(service -> true));
        double decodingEveryBeat = heldPerInstance(decoding::close, instances);
        // Every instance as getServices returns it, held in a list while its registry is closed: the list's clear
        // releases the services and keeps the list's own array, so the difference is the services alone.
        FilledRegistry source = FilledRegistry.fill(names, 100);
        List<Service> services = new ArrayList<>(instances);
        source.names().forEach(name -> services.addAll(source.registry().getServices(name)));
        source.close();
        return new Scale(instances, perInstance, filled.fillNanos() / 1e9, decodingEveryBeat,
                heldPerInstance(services::clear, instances), byClass);
    }

    /** The heap that {@code release} frees per instance: used heap after GC before it, minus after it. */
    private static double heldPerInstance(Runnable release, int instances) {
        long full = Bench.usedHeapAfterGc();
        release.run();
        return (double) (full - Bench.usedHeapAfterGc()) / instances;
    }
}
