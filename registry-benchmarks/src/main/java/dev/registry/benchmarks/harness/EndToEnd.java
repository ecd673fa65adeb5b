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
 * What the end-to-end runs measured, against a nats-server and a redis-server the caller started ({@link #run}),
 * and the fleet, on a nats-server of its own ({@link #fleet}). Immutable; the runs are one at a time.
 *
 * @param propagation NATS, then Redis
 */
public record EndToEnd(List<Propagation> propagation, ColdLookup coldLookup, FailureDetection failureDetection,
                       HeartbeatCost heartbeatCost, Ingest ingest, Scale scale) {

    /** Propagation over both brokers, then cold lookups, failure detection, heartbeat cost and ingest over NATS, then scale. */
    public static EndToEnd run(Settings settings, String natsUrl, String redisUrl) {
        Propagation nats = PropagationRun.run("NATS", natsUrl, settings.propagationWarmup(), settings.propagationSamples());
        Propagation redis = PropagationRun.run("Redis", redisUrl, settings.propagationWarmup(), settings.propagationSamples());
        ColdLookup cold = ColdLookupRun.run(natsUrl, settings.coldWarmup(), settings.coldSamples());
        FailureDetection failure = FailureDetectionRun.run(natsUrl, settings.killedProcesses());
        HeartbeatCost heartbeat = HeartbeatCostRun.run(natsUrl, Duration.ofSeconds(settings.heartbeatWarmupSeconds()),
                Duration.ofSeconds(settings.heartbeatWindowSeconds()));
        Ingest ingest = IngestRun.nats(natsUrl, settings.ingestMessages());
        return new EndToEnd(List.of(nats, redis), cold, failure, heartbeat, ingest, ScaleRun.run());
    }

    /** The fleet, on a nats-server it starts and restarts itself. */
    public static Fleet fleet(Settings settings) {
        return FleetRun.run(settings.fleetProcesses(), settings.fleetNames(), Duration.ofSeconds(settings.fleetWindowSeconds()),
                settings.fleetProbes(), settings.ingestMessages());
    }
}
