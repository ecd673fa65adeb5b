package dev.registry;

import java.util.Objects;

/**
 * A change of one instance in a registry's cache.
 *
 * @param type    what happened
 * @param service the instance as it is now; for {@link Type#UNREGISTERED} and {@link Type#EXPIRED}, as it
 *                was last seen
 */
public record ServiceEvent(Type type, Service service) {

    /** Kinds of change. */
    public enum Type {
        /** An instance not in the cache was announced. */
        REGISTERED,
        /** A cached instance was announced with a different status or different data. */
        UPDATED,
        /** The owner of a cached instance unregistered it. */
        UNREGISTERED,
        /** A cached instance sent no heartbeat before its due time and was dropped. */
        EXPIRED
    }

    public ServiceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
    }

    /** The name of the service the instance belongs to. */
    public String name() {
        return service.name();
    }
}
