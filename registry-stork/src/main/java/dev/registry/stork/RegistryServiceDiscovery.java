package dev.registry.stork;

import dev.registry.Filters;
import dev.registry.Registry;
import io.smallrye.mutiny.Uni;
import io.smallrye.stork.api.ServiceDiscovery;
import io.smallrye.stork.api.ServiceInstance;
import java.util.List;

/**
 * The instances of one service, kept current by the registry's {@link Registry#watch watch}: every change of the
 * passing instances replaces the list at once, so {@link #getServiceInstances()} answers with the current list,
 * from memory, with no refresh period and no I/O. Only passing instances are listed: one that turns warning or
 * critical leaves the list, and comes back (with its Stork id) when passing again.
 *
 * <p>Thread-safe and non-blocking. Before the watch's first list (one lookup timeout after the discovery was
 * created, at most), a call waits for the registry's own lookup without blocking the caller, and fails if the
 * registry is closed meanwhile. The watch ends when its registry closes.
 */
final class RegistryServiceDiscovery implements ServiceDiscovery {

    private final Registry registry;
    private final String name;
    private final StorkInstances instances;
    private volatile List<ServiceInstance> current;

    RegistryServiceDiscovery(Registry registry, String name, StorkInstances instances) {
        this.registry = registry;
        this.name = name;
        this.instances = instances;
        registry.watch(name, passing -> current = instances.of(passing));
    }

    @Override
    public Uni<List<ServiceInstance>> getServiceInstances() {
        List<ServiceInstance> known = current;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().completionStage(() -> registry.getServicesAsync(name, Filters.passing()))
                .map(instances::of);
    }
}
