package dev.registry.stork;

import dev.registry.Registry;
import io.smallrye.stork.api.ServiceDiscovery;
import io.smallrye.stork.api.config.ServiceConfig;
import io.smallrye.stork.api.config.ServiceDiscoveryAttribute;
import io.smallrye.stork.api.config.ServiceDiscoveryType;
import io.smallrye.stork.spi.ServiceDiscoveryProvider;
import io.smallrye.stork.spi.StorkInfrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stork service discovery of type {@code registry}: {@code stork.<service>.service-discovery.type=registry}. The
 * service's instances are those registered under its name on the bus (by this library, its {@code registry}
 * registrar, or a Go peer), current at every call: the registry pushes every change, nothing is polled or cached
 * for a period. See {@link RegistryServiceDiscovery} for what is listed and {@link StorkInstances} for how an
 * instance maps to Stork's ({@code kv} as labels, {@link RegistryMetadataKey} metadata).
 *
 * <p>Without attributes, the bus is the one the {@code REGISTRY_*} environment names, or the registry a
 * {@link RegistryStorkInfrastructure} supplies; {@link StorkRegistries} says which registry a service uses and how
 * long it lives. Stork's annotation processor generates {@code RegistryConfiguration} and the loader from the
 * attributes below. Stateless and thread-safe; found by Stork through {@code ServiceLoader} or CDI.
 */
@ServiceDiscoveryType("registry")
@ServiceDiscoveryAttribute(name = BusSettings.URL, description = BusSettings.URL_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.MAIN_TOPIC, description = BusSettings.MAIN_TOPIC_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.LOOKUP_TIMEOUT, description = BusSettings.LOOKUP_TIMEOUT_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.REGISTER_INTERVAL, description = BusSettings.REGISTER_INTERVAL_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.DUE_FACTOR, description = BusSettings.DUE_FACTOR_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.HOST_NAME, description = BusSettings.HOST_NAME_DESCRIPTION)
@ServiceDiscoveryAttribute(name = BusSettings.SIGNING_KEY, description = BusSettings.SIGNING_KEY_DESCRIPTION)
@ServiceDiscoveryAttribute(name = RegistryServiceDiscoveryProvider.SERVICE_NAME,
        description = "The service's name on the bus. Default: the Stork service name.")
@ServiceDiscoveryAttribute(name = RegistryServiceDiscoveryProvider.SECURE, description = "Whether calls to the instances"
        + " use TLS. Default: whether an instance's URL is https://, grpcs:// or wss://.")
@ApplicationScoped
public class RegistryServiceDiscoveryProvider implements ServiceDiscoveryProvider<RegistryConfiguration> {

    static final String SERVICE_NAME = "service-name";
    static final String SECURE = "secure";

    /** Called by Stork's generated loader (or by CDI in Quarkus). */
    public RegistryServiceDiscoveryProvider() {
    }

    /**
     * A discovery of {@code serviceName} (or the {@code service-name} attribute), watching it from now on.
     *
     * @throws IllegalArgumentException if an attribute, a {@code REGISTRY_*} variable or the name is invalid, naming it
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    @Override
    public ServiceDiscovery createServiceDiscovery(RegistryConfiguration config, String serviceName,
            ServiceConfig serviceConfig, StorkInfrastructure storkInfrastructure) {
        String where = "stork." + serviceName + ".service-discovery";
        String name = config.getServiceName() == null ? serviceName : config.getServiceName().strip();
        Boolean secure = config.getSecure() == null ? null : Boolean.valueOf(config.getSecure().strip());
        Registry registry = StorkRegistries.registryFor(where, config.parameters(), storkInfrastructure);
        try {
            return new RegistryServiceDiscovery(registry, name, new StorkInstances(secure));
        } catch (IllegalArgumentException invalidName) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not a service name on the bus (" + invalidName.getMessage()
                    + "); set " + where + "." + SERVICE_NAME + " to the name the instances register under", invalidName);
        }
    }
}
