/**
 * SmallRye Stork service discovery and service registrar of type {@code registry}, found by Stork through its
 * generated loaders.
 */
module dev.registry.stork {
    exports dev.registry.stork;

    requires transitive dev.registry;
    requires transitive io.smallrye.stork.api;
    requires io.smallrye.stork.core;
    requires io.smallrye.mutiny;
    // The providers carry CDI scope annotations for Quarkus; Stork itself brings the CDI API.
    requires static transitive jakarta.cdi;
    requires org.slf4j;
    // The configuration classes are generated at compile time; nothing reads the generator at run time.
    requires static io.smallrye.stork.config.generator;

    provides io.smallrye.stork.spi.internal.ServiceDiscoveryLoader
            with dev.registry.stork.RegistryServiceDiscoveryProviderLoader;
    provides io.smallrye.stork.spi.internal.ServiceRegistrarLoader
            with dev.registry.stork.RegistryServiceRegistrarProviderLoader;
}
