package dev.registry.benchmarks.harness;

import java.util.function.Supplier;

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

    /** Runs everything against the brokers at {@code natsUrl} and {@code redisUrl}. */
    public HarnessResults run(String natsUrl, String redisUrl) {
        Supplier<OneWayProbe> natsProbe = () -> new NatsOneWayProbe(natsUrl);
        Supplier<OneWayProbe> redisProbe = () -> new RedisOneWayProbe(redisUrl);
        PropagationResult natsPropagation = new PropagationRun("NATS", natsUrl, natsProbe, false)
                .run(settings.propagationWarmup(), settings.propagationSamples());
        PropagationResult redisPropagation = new PropagationRun("Redis", redisUrl, redisProbe, false)
                .run(settings.propagationWarmup(), settings.propagationSamples());
        // the code is compiled by now: a short warm-up serves the runs that take the listener hand-over apart
        PropagationResult natsDirect = new PropagationRun("NATS", natsUrl, natsProbe, true)
                .run(settings.compiledWarmup(), settings.propagationSamples());
        PropagationResult redisDirect = new PropagationRun("Redis", redisUrl, redisProbe, true)
                .run(settings.compiledWarmup(), settings.propagationSamples());
        ColdLookupResult cold = new ColdLookupRun(natsUrl).run(settings.coldWarmup(), settings.coldSamples());
        FailureDetectionResult failure = new FailureDetectionRun(natsUrl).run(settings.killedProcesses());
        HeartbeatCostResult heartbeat = new HeartbeatCostRun(natsUrl).run(settings.heartbeatWarmup(), settings.heartbeatWindow());
        BusIngestResult busIngest = new BusIngestRun().run(settings.ingestWarmup(), settings.ingestMessages());
        ScaleResult scale = new ScaleRun().run();
        return new HarnessResults(natsPropagation, redisPropagation, natsDirect, redisDirect, cold, failure, heartbeat,
                busIngest, scale);
    }
}
