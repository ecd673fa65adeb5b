package dev.registry.benchmarks.harness;

/**
 * What {@link PropagationRun} measured over one broker: the raw one-way baseline and each kind of change
 * from registry A to registry B's listener.
 *
 * @param broker       {@code NATS} or {@code Redis}
 * @param raw          the raw client's publish -> subscribe latency, same rounds
 * @param registered   {@code register} (name already registered in A) -> {@code REGISTERED}
 * @param updated      {@code setStatus} -> {@code UPDATED}
 * @param unregistered {@code unregister} -> {@code UNREGISTERED}
 * @param firstOfName  {@code register} of a name's first instance in A -> {@code REGISTERED}
 * @param registerCall the {@code register} call of round 1 alone, until it returned on A's thread
 */
public record PropagationResult(String broker, LatencySamples raw, LatencySamples registered,
                                LatencySamples updated, LatencySamples unregistered, LatencySamples firstOfName,
                                LatencySamples registerCall) {
}
