package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results.ColdLookup;
import dev.registry.benchmarks.results.Results.FailureDetection;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.HeartbeatCost;
import dev.registry.benchmarks.results.Results.Ingest;
import dev.registry.benchmarks.results.Results.Propagation;
import dev.registry.benchmarks.results.Results.Scale;
import java.time.Duration;
import java.util.List;

/**
 * The end-to-end runs, against a nats-server and a redis-server the caller started ({@link #endToEnd}), and the
 * fleet, on a nats-server of its own ({@link #fleet}). Not thread-safe; one run at a time.
 */
public final class Harness {

    private final HarnessSettings settings;

    /** A harness taking samples and windows as {@code settings} says. */
    public Harness(HarnessSettings settings) {
        this.settings = settings;
    }

    /**
     * What the end-to-end runs measured.
     *
     * @param propagation NATS, then Redis
     */
    public record EndToEnd(List<Propagation> propagation, ColdLookup coldLookup, FailureDetection failureDetection,
                           HeartbeatCost heartbeatCost, Ingest ingest, Scale scale) {
    }

    /** Propagation over both brokers, then cold lookups, failure detection, heartbeat cost and ingest over NATS, then scale. */
    public EndToEnd endToEnd(String natsUrl, String redisUrl) {
        Propagation nats = new PropagationRun("NATS", natsUrl, () -> OneWayProbe.nats(natsUrl))
                .run(settings.propagationWarmup(), settings.propagationSamples());
        Propagation redis = new PropagationRun("Redis", redisUrl, () -> OneWayProbe.redis(redisUrl))
                .run(settings.propagationWarmup(), settings.propagationSamples());
        ColdLookup cold = new ColdLookupRun(natsUrl).run(settings.coldWarmup(), settings.coldSamples());
        FailureDetection failure = new FailureDetectionRun(natsUrl).run(settings.killedProcesses());
        HeartbeatCost heartbeat = new HeartbeatCostRun(natsUrl).run(Duration.ofSeconds(settings.heartbeatWarmupSeconds()),
                Duration.ofSeconds(settings.heartbeatWindowSeconds()));
        Ingest ingest = IngestRun.nats(natsUrl, settings.ingestMessages());
        return new EndToEnd(List.of(nats, redis), cold, failure, heartbeat, ingest, new ScaleRun().run());
    }

    /** The fleet, on a nats-server it starts and restarts itself. */
    public Fleet fleet() {
        return new FleetRun().run(settings.fleetProcesses(), settings.fleetNames(),
                Duration.ofSeconds(settings.fleetWindowSeconds()), settings.fleetProbes(), settings.ingestMessages());
    }
}
