package dev.registry.internal;

import dev.registry.Service;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Filters.loadBalance()}: round robin, one instance per call. Inside a registry's lookup the position is
 * the registry's own, per service name, kept in the name's state and released with it (so a JVM that looks up
 * ever-new names keeps nothing per name); this class only marks the filter. Applied outside a registry, to a
 * list of the caller's, it rotates one shared position, so it still spreads calls and holds no state per name.
 */
public final class RoundRobin implements RegistryFilter {

    private final AtomicInteger position = new AtomicInteger();

    @Override
    public List<Service> apply(List<Service> instances) {
        int size = instances.size();
        if (size <= 1) {
            return instances;
        }
        return List.of(instances.get((position.getAndIncrement() & Integer.MAX_VALUE) % size));
    }

    @Override
    public List<Service> applyIn(NameState state, String hostName, List<Service> instances) {
        return List.of(state.nextRoundRobin(instances));
    }
}
