package dev.registry.spi;

/**
 * Told by a {@link Pubsub} when its connection to the bus changes state. Called on a transport thread: it
 * must not block.
 */
@FunctionalInterface
public interface ConnectionListener {

    /** The connection moved to {@code state}. */
    void onConnectionState(ConnectionState state);
}
