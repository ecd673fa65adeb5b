package dev.registry.stork;

import io.smallrye.stork.api.ServiceRegistrar;
import io.smallrye.stork.api.config.ServiceRegistrarAttribute;
import io.smallrye.stork.api.config.ServiceRegistrarType;
import io.smallrye.stork.spi.ServiceRegistrarProvider;
import io.smallrye.stork.spi.StorkInfrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stork service registrar of type {@code registry}: {@code stork.<service>.service-registrar.type=registry}, then
 * {@code stork.getService("orders").registerInstance("orders", "10.0.0.5", 8080)}. Instances registered this way
 * are found by every registry peer (this library, its {@code registry} discovery, a Go peer); see
 * {@link RegistryServiceRegistrar}. The bus is chosen as for the discovery ({@link StorkRegistries}), from the
 * attributes below or the {@code REGISTRY_*} environment; Stork's annotation processor generates
 * {@code RegistryRegistrarConfiguration} and the loader from them. Stateless and thread-safe.
 */
@ServiceRegistrarType(value = "registry", metadataKey = RegistryMetadataKey.class)
@ServiceRegistrarAttribute(name = BusSettings.URL, description = BusSettings.URL_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.MAIN_TOPIC, description = BusSettings.MAIN_TOPIC_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.LOOKUP_TIMEOUT, description = BusSettings.LOOKUP_TIMEOUT_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.REGISTER_INTERVAL, description = BusSettings.REGISTER_INTERVAL_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.DUE_FACTOR, description = BusSettings.DUE_FACTOR_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.HOST_NAME, description = BusSettings.HOST_NAME_DESCRIPTION)
@ServiceRegistrarAttribute(name = BusSettings.SIGNING_KEY, description = BusSettings.SIGNING_KEY_DESCRIPTION)
@ApplicationScoped
public class RegistryServiceRegistrarProvider
        implements ServiceRegistrarProvider<RegistryRegistrarConfiguration, RegistryMetadataKey> {

    /** Called by Stork's generated loader (or by CDI in Quarkus). */
    public RegistryServiceRegistrarProvider() {
    }

    /**
     * A registrar on the bus the attributes (or the environment, or the infrastructure) name.
     *
     * @throws IllegalArgumentException if an attribute or a {@code REGISTRY_*} variable is invalid, naming it
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    @Override
    public ServiceRegistrar<RegistryMetadataKey> createServiceRegistrar(RegistryRegistrarConfiguration config,
            String serviceRegistrarName, StorkInfrastructure infrastructure) {
        String where = "stork." + serviceRegistrarName + ".service-registrar";
        return new RegistryServiceRegistrar(StorkRegistries.registryFor(where, config.parameters(), infrastructure));
    }
}
