package dev.registry.grpc;

import dev.registry.Registry;
import java.util.function.Supplier;

/**
 * The registry the resolvers of one provider share: either one the caller gave (never closed here), or one this
 * lease connects when the first resolver acquires it and closes when the last one releases it. Thread-safe.
 */
final class RegistryLease {

    private final Supplier<Registry> connector;
    private final boolean owned;
    private Registry registry;
    private int users;

    private RegistryLease(Supplier<Registry> connector, boolean owned) {
        this.connector = connector;
        this.owned = owned;
    }

    /** A lease of {@code registry}, which stays its owner's. */
    static RegistryLease of(Registry registry) {
        return new RegistryLease(() -> registry, false);
    }

    /** A lease that connects with {@code connector} on demand and closes what it connected. */
    static RegistryLease connecting(Supplier<Registry> connector) {
        return new RegistryLease(connector, true);
    }

    /**
     * The registry, connected first if no one holds it; every successful call needs one {@link #release()}.
     *
     * @throws RuntimeException whatever connecting throws (a {@link dev.registry.TransportException} when the bus
     *                          cannot be reached); nothing is held then
     */
    synchronized Registry acquire() {
        if (registry == null) {
            registry = connector.get();
        }
        users++;
        return registry;
    }

    /** Gives back one {@link #acquire()}; the last one closes a registry this lease connected. */
    synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("release() without acquire()");
        }
        if (--users == 0 && owned) {
            Registry connected = registry;
            registry = null;
            connected.close();
        }
    }
}
