package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.broker.BrokerProcess;
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

    /** Runs everything against {@code nats} and {@code redis}. */
    public HarnessResults run(BrokerProcess nats, BrokerProcess redis) {
        Supplier<OneWayProbe> natsProbe = () -> new NatsOneWayProbe(nats.url());
        Supplier<OneWayProbe> redisProbe = () -> new RedisOneWayProbe(redis.url());
        PropagationResult natsPropagation = new PropagationRun("NATS", nats.url(), natsProbe, false)
                .run(settings.propagationWarmup(), settings.propagationSamples());
        PropagationResult redisPropagation = new PropagationRun("Redis", redis.url(), redisProbe, false)
                .run(settings.propagationWarmup(), settings.propagationSamples());
        // the code is compiled by now: a short warm-up serves the runs that take the listener hand-over apart
        PropagationResult natsDirect = new PropagationRun("NATS", nats.url(), natsProbe, true)
                .run(settings.compiledWarmup(), settings.propagationSamples());
        PropagationResult redisDirect = new PropagationRun("Redis", redis.url(), redisProbe, true)
                .run(settings.compiledWarmup(), settings.propagationSamples());
        ColdLookupResult cold = new ColdLookupRun(nats.url()).run(settings.coldWarmup(), settings.coldSamples());
        FailureDetectionResult failure = new FailureDetectionRun(nats.url()).run(settings.killedProcesses());
        HeartbeatCostResult heartbeat = new HeartbeatCostRun(nats.url()).run(settings.heartbeatWarmup(), settings.heartbeatWindow());
        BusIngestResult busIngest = new BusIngestRun().run(settings.ingestWarmup(), settings.ingestMessages());
        ScaleResult scale = new ScaleRun().run();
        return new HarnessResults(natsPropagation, redisPropagation, natsDirect, redisDirect, cold, failure, heartbeat,
                busIngest, scale);
    }
}
