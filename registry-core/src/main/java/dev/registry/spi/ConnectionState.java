package dev.registry.spi;

/** States a {@link Pubsub} reports to its {@link ConnectionListener}s. */
public enum ConnectionState {
    /** The connection to the bus was lost; the transport is trying to reconnect. */
    DISCONNECTED,
    /** The connection is back and every subscription is active again. */
    RECONNECTED,
    /** The transport is closed for good and will not reconnect. */
    CLOSED
}
