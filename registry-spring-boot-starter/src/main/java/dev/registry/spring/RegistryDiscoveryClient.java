package dev.registry.spring;

import dev.registry.Registry;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * Spring Cloud's blocking {@link DiscoveryClient} over the registry. {@link #getInstances} returns every instance
 * of a name, whatever its status (which is in each instance's metadata): from the cache when the name is cached (every live name is, while the
 * {@link ServiceCatalog} observes the main topic), otherwise after a lookup that waits the lookup timeout for
 * answers. {@link #getServices} returns the names the catalog knows.
 *
 * <p>Thread-safe; calls block at most the registry's lookup timeout.
 */
public class RegistryDiscoveryClient implements DiscoveryClient {

    private final Registry registry;
    private final ServiceCatalog catalog;
    private final String description;

    /** A client over {@code registry}, listing the names {@code catalog} knows. */
    public RegistryDiscoveryClient(Registry registry, ServiceCatalog catalog) {
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
    public List<ServiceInstance> getInstances(String serviceId) {
        if (!ServiceNames.isValid(serviceId)) {
            return List.of();
        }
        return registry.getServices(serviceId).stream().<ServiceInstance>map(RegistryServiceInstance::of).toList();
    }

    @Override
    public List<String> getServices() {
        return catalog.names();
    }
}
