package dev.registry;

/**
 * This process's registration of one instance, returned by {@link Registry#register(Service)}. While it is
 * registered, the registry republishes it every register interval and answers pings for its name.
 *
 * <p>Thread-safe. {@link #unregister()} (and {@link #close()}, the same) is idempotent; after it, the
 * instance is never announced again by this registration, even by a heartbeat that was already running.
 */
public interface Registration extends AutoCloseable {

    /** The instance as it is announced: host defaulted, current status. */
    Service service();

    /** The status currently announced. */
    Status status();

    /**
     * Changes the announced status. A change is published at once, so observers get {@code UPDATED} without
     * waiting for the next heartbeat; setting the current status again publishes nothing.
     *
     * @throws IllegalStateException if this registration was unregistered
     */
    void setStatus(Status status);

    /** Whether the instance is still registered (not unregistered, registry not closed). */
    boolean isRegistered();

    /** Stops heartbeats and answers to pings, and publishes an unregister message. Idempotent. */
    void unregister();

    /** Same as {@link #unregister()}, for try-with-resources. */
    @Override
    default void close() {
        unregister();
    }
}
