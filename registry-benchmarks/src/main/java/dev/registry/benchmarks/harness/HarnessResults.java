package dev.registry.benchmarks.harness;

/**
 * Everything the end-to-end runs measured.
 *
 * @param natsPropagation  propagation over NATS
 * @param redisPropagation propagation over Redis
 * @param natsDirectListener  propagation over NATS with B's listeners on the transport's thread
 * @param redisDirectListener propagation over Redis with B's listeners on the transport's thread
 * @param coldLookup       cold lookups over NATS
 * @param failure          failure detection over NATS
 * @param heartbeat        heartbeat cost over NATS
 * @param busIngest        ingest through the in-memory bus
 * @param scale            the 100,000-instance cache
 */
public record HarnessResults(PropagationResult natsPropagation, PropagationResult redisPropagation,
                             PropagationResult natsDirectListener, PropagationResult redisDirectListener,
                             ColdLookupResult coldLookup, FailureDetectionResult failure,
                             HeartbeatCostResult heartbeat, BusIngestResult busIngest, ScaleResult scale) {
}
