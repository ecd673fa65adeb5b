package dev.registry.tck;

/**
 * A throw-away broker a test talks to over TCP: a {@link LocalServer} process, or a container when a Docker
 * engine is reachable (see {@link Brokers}). Implementations are thread-safe for these reads.
 */
public interface Broker extends AutoCloseable {

    /** The host to connect to: {@code 127.0.0.1} for a local process, the Docker host for a container. */
    String host();

    /** The port on {@link #host()} the broker accepts clients on. */
    int port();

    /** Stops the broker; its clients see the connection drop. */
    @Override
    void close();
}
