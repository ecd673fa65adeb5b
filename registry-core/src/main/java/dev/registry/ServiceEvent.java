package dev.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of one instance in a registry's cache.
 *
 * @param type     what happened
 * @param service  the instance as it is now; for {@link Type#UNREGISTERED} and {@link Type#EXPIRED}, as it
 *                 was last seen
 * @param previous for {@link Type#UPDATED}, the instance as it was before the change (to tell what changed:
 *                 its status, its version, its kv); empty for the other types
 */
public record ServiceEvent(Type type, Service service, Optional<Service> previous) {

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

    /** Checks that no component is null. */
    public ServiceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(previous, "previous");
    }

    /** An event without a previous state: REGISTERED, UNREGISTERED, EXPIRED. */
    public ServiceEvent(Type type, Service service) {
        this(type, service, Optional.empty());
    }

    /** The name of the service the instance belongs to. */
    public String name() {
        return service.name();
    }
}
