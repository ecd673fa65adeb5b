package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.broker.BrokerProcess;

/**
 * The end-to-end runs, in order, against a nats-server and a redis-server of the harness's own: propagation
 * over both, cold lookups, failure detection and heartbeat cost over NATS, then the in-memory ingest and
 * scale runs. Not thread-safe; one run at a time.
 */
public final class Harness {

    private final HarnessSettings settings;

    public Harness(HarnessSettings settings) {
        this.settings = settings;
    }

    /** Runs everything against {@code nats} and {@code redis}. */
    public HarnessResults run(BrokerProcess nats, BrokerProcess redis) {
        PropagationResult natsPropagation = new PropagationRun("NATS", nats.url(), () -> new NatsOneWayProbe(nats.url()))
                .run(settings.propagationWarmup(), settings.propagationSamples());
        PropagationResult redisPropagation = new PropagationRun("Redis", redis.url(), () -> new RedisOneWayProbe(redis.url()))
                .run(settings.propagationWarmup(), settings.propagationSamples());
        ColdLookupResult cold = new ColdLookupRun(nats.url()).run(settings.coldWarmup(), settings.coldSamples());
        FailureDetectionResult failure = new FailureDetectionRun(nats.url()).run(settings.killedProcesses());
        HeartbeatCostResult heartbeat = new HeartbeatCostRun(nats.url()).run(settings.heartbeatWarmup(), settings.heartbeatWindow());
        double busIngest = new BusIngestRun().run(settings.ingestWarmup(), settings.ingestMessages());
        ScaleResult scale = new ScaleRun().run();
        return new HarnessResults(natsPropagation, redisPropagation, cold, failure, heartbeat, busIngest, scale);
    }
}
