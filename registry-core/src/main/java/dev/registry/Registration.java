package dev.registry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
     * @throws IllegalStateException if this registration was unregistered, or is draining
     */
    void setStatus(Status status);

    /**
     * Takes the instance out of service without failed calls: announces it as {@link Status#DRAINING} at once
     * (observers' {@code Filters.passing()}, watches and load balancers stop choosing it; Go peers see it as
     * critical), keeps heartbeating so no peer expires it meanwhile, and unregisters it after {@code period},
     * the time callers need to move away (their in-flight requests to finish). Returns at once; health checks
     * no longer change the status, and {@link #setStatus} refuses to. Calling it again while draining changes
     * nothing.
     *
     * @param period how long to keep announcing before unregistering; 0 to 10 min
     * @return completes once the instance is unregistered (by the drain, an {@link #unregister()} or the
     *         registry's {@code close()})
     * @throws IllegalStateException if this registration was unregistered
     */
    CompletableFuture<Void> drain(Duration period);

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
