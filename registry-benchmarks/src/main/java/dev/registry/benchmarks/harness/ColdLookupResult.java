package dev.registry.benchmarks.harness;

/**
 * What {@link ColdLookupRun} measured.
 *
 * @param raw      raw NATS request/reply round trips, same rounds
 * @param cold     {@code getService} of a name B had never seen: subscribe, ping, answer
 * @param pingPong {@code getService} of a name B already observed: ping, answer
 */
public record ColdLookupResult(LatencySamples raw, LatencySamples cold, LatencySamples pingPong) {
}
