package dev.registry.benchmarks.harness;

/**
 * The broker's own one-way latency, measured with its raw client: publish on one connection, receive on
 * another, the receipt stamped on the client's callback thread. The baseline every propagation figure is a
 * ratio to. Not thread-safe: one measuring thread.
 */
interface OneWayProbe extends AutoCloseable {

    /** Publishes {@code payload} and returns the nanoseconds until the subscriber's callback had it. */
    long sample(byte[] payload);

    @Override
    void close();
}
