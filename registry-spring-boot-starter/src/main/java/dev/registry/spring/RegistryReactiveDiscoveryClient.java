package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud's {@link ReactiveDiscoveryClient} over the registry, as {@link RegistryDiscoveryClient} but never
 * blocking: a cold name's lookup completes on a registry thread after the lookup timeout, a cached one at once.
 *
 * <p>Thread-safe.
 */
public class RegistryReactiveDiscoveryClient implements ReactiveDiscoveryClient {

    private final Registry registry;
    private final ServiceCatalog catalog;
    private final String description;

    /** A client over {@code registry}, listing the names {@code catalog} knows. */
    public RegistryReactiveDiscoveryClient(Registry registry, ServiceCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
        this.description = "registry on main topic '" + registry.options().mainTopic() + "'";
    }

    @Override
    public String description() {
        return description;
    }

    /** The instances of {@code serviceId}; empty when it has none, or is not a valid service name. */
    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        if (!ServiceNames.isValid(serviceId)) {
            return Flux.empty();
        }
        return Mono.fromFuture(() -> registry.getServicesAsync(serviceId))
                .flatMapIterable(services -> services)
                .map(RegistryServiceInstance::of);
    }

    @Override
    public Flux<String> getServices() {
        return Flux.defer(() -> Flux.fromIterable(catalog.names()));
    }
}
